import { describe, expect, it } from 'vitest';
import { mimCodec } from './params';

const parse = (q: string) => mimCodec.parse(new URLSearchParams(q));

describe('masked-image-modeling params', () => {
  it('round-trips sample, ratio, seed and hand-picked patches; defaults are not written', () => {
    expect(mimCodec.serialize(mimCodec.defaults)).toEqual([]);
    const p = { image: 'rings', mask_ratio: 0.5, seed: 42, patches: [0, 1, 2, 3, 7, 9, 10] };
    const q = new URLSearchParams(mimCodec.serialize(p));
    expect(q.toString()).toBe('image=rings&mask_ratio=0.5&seed=42&patches=0-3%2C7%2C9-10');
    expect(mimCodec.parse(q)).toEqual({ params: p, notices: [] });
  });

  it('never writes a person’s own picture into a link, and explains the fallback', () => {
    const own = { name: 'me.jpg', side: 2, rgb: new Uint8ClampedArray(12), notes: [] };
    const written = mimCodec.serialize({ ...mimCodec.defaults, image: 'own', own });
    expect(written).toEqual([['image', 'own']]);
    expect(JSON.stringify(written)).not.toContain('me.jpg');
    const back = parse('image=own');
    expect(back.params.image).toBe('cat');
    expect(back.notices[0]).toMatch(/never leaves their browser/);
  });

  it('an unknown sample, a bad ratio, seed or patch list fall back with a notice each', () => {
    const { params, notices } = parse('image=../../etc/passwd&mask_ratio=0.99&seed=-1&patches=3-1');
    expect(params).toEqual(mimCodec.defaults);
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/no sample image called/);
    expect(notices[1]).toMatch(/from 0 to 0\.95/);
    expect(parse('mask_ratio=').notices).toHaveLength(1);
  });

  it('an empty patch list means “nothing hidden”, not “random”', () => {
    expect(parse('patches=').params.patches).toEqual([]);
    expect(mimCodec.serialize({ ...mimCodec.defaults, patches: [] })).toEqual([['patches', '']]);
  });
});
