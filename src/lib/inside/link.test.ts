import { describe, expect, it } from 'vitest';
import { clampInside, parseInsideLink, pickNotice, serializeInsideLink } from './link';
import { insideSeam } from './seam';
import { readInsideRequest } from './types';

const parse = (q: string) => parseInsideLink(new URLSearchParams(q));

describe('Inside link params', () => {
  it('reads view, layer and head, counted from 1', () => {
    expect(parse('inside=attention&layer=2&head=3')).toEqual({ link: { view: 'attention', layer: 2, head: 3 }, notices: [] });
    expect(parse('inside=lens').link).toEqual({ view: 'lens', layer: null, head: null });
    expect(parse('inside=attention&head=all').link?.head).toBe('all');
    expect(parse('hat=x').link).toBeNull();
  });

  it('reads strictly: anything but a whole number from 1 falls back with a notice', () => {
    for (const bad of ['0', '-1', '2.5', '02x', '', ' 2', '1e1', '99999']) {
      const { link, notices } = parse(`inside=attention&layer=${encodeURIComponent(bad)}&head=${encodeURIComponent(bad)}`);
      expect(link).toEqual({ view: 'attention', layer: null, head: null });
      expect(notices).toHaveLength(2);
    }
  });

  it('opens attention, with a notice, for an unknown view', () => {
    const { link, notices } = parse('inside=soul');
    expect(link?.view).toBe('attention');
    expect(notices[0]).toMatch(/not an Inside view/);
  });

  it('writes only what differs, and reads back what it wrote', () => {
    const link = { view: 'hidden' as const, layer: 4, head: 'all' as const };
    const query = new URLSearchParams(serializeInsideLink(link));
    expect(parseInsideLink(query).link).toEqual(link);
    expect(serializeInsideLink({ view: 'lens', layer: null, head: null })).toEqual([['inside', 'lens']]);
    expect(serializeInsideLink(null)).toEqual([]);
  });

  it('reads and writes the input looked at under the hat’s own name, strictly, and only for a hat that names it', () => {
    expect(parseInsideLink(new URLSearchParams('inside=attention&ending=2'), 'ending').link).toEqual({ view: 'attention', layer: null, head: null, pick: 2 });
    expect(parseInsideLink(new URLSearchParams('inside=attention&ending=2')).link).toEqual({ view: 'attention', layer: null, head: null });
    const bad = parseInsideLink(new URLSearchParams('inside=attention&ending=two'), 'ending');
    expect(bad.link?.pick).toBeUndefined();
    expect(bad.notices).toEqual(['“two” is not an ending number (they count from 1); showing the default ending.']);
    const link = { view: 'attention' as const, layer: null, head: null, pick: 3 };
    expect(serializeInsideLink(link, 'window')).toEqual([['inside', 'attention'], ['window', '3']]);
    expect(parseInsideLink(new URLSearchParams(serializeInsideLink(link, 'window')), 'window').link).toEqual(link);
    expect(pickNotice('ending', 7, 3, 1)).toBe('There are 3 endings to look inside, so ending 7 does not exist; showing ending 2.');
  });

  it('clamps to the model, saying so, and defaults to the last layer and head 1', () => {
    expect(clampInside({ view: 'attention', layer: null, head: null }, { layers: 6, heads: 12 })).toEqual({ layer: 6, head: 1, notices: [] });
    const far = clampInside({ view: 'attention', layer: 40, head: 13 }, { layers: 6, heads: 12 });
    expect([far.layer, far.head]).toEqual([6, 12]);
    expect(far.notices).toEqual([expect.stringMatching(/6 layers.*layer 40/), expect.stringMatching(/12 heads.*head 13/)]);
  });
});

describe('Inside calls', () => {
  it('lets plan and look through, and checks a look’s params with the hat’s codec', () => {
    const seam = insideSeam<{ text: string }, string>({ defaults: { text: '' }, parse: () => ({ params: { text: '' }, notices: [] }), serialize: () => [] });
    expect(seam.call?.({ kind: 'plan' })).toEqual({ kind: 'plan' });
    expect(seam.call?.({ kind: 'look', params: { text: 'hi' } })).toEqual({ kind: 'look', params: { text: 'hi' } });
    expect(() => seam.call?.({ kind: 'look', params: { text: 3 } })).toThrow(/text/);
    expect(() => readInsideRequest({ kind: 'train' })).toThrow(/not an Inside request/);
    expect(seam.call?.({ kind: 'look', params: { text: 'hi' }, pick: 2 })).toEqual({ kind: 'look', params: { text: 'hi' }, pick: 2 });
    expect(() => readInsideRequest({ kind: 'look', params: {}, pick: -1 })).toThrow(/not an input to look inside/);
  });
});
