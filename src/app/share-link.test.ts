import { describe, expect, it } from 'vitest';
import { hats, defaultHat, findHat } from '@/hats/registry';
import { parseLink, serializeLink, isModelId, defaultChoice } from './share-link';

const mlm = findHat('masked-lm')!;
const cls = findHat('sequence-classification')!;

describe('share links', () => {
  it('round-trips a hat, its model settings and inputs, writing only non-defaults', () => {
    const choice = { model: 'Xenova/distilbert-base-uncased', dtype: 'fp32' as const, device: 'wasm' as const, params: { text: 'Paris is the [MASK] of France.', top_k: 7 } };
    const query = serializeLink(mlm, choice);
    expect(query).toContain('hat=masked-lm');
    const back = parseLink(query, hats, defaultHat);
    expect(back.notices).toEqual([]);
    expect(back.hatId).toBe('masked-lm');
    expect(back.choice).toEqual(choice);
    expect(serializeLink(cls, defaultChoice(cls))).toBe('?v=1&hat=sequence-classification');
  });

  it('round-trips odd Unicode and a sentence pair', () => {
    const params = { text: 'Ça marche 👍🏽 — “quotes” & ?=#', text_pair: 'naïve\ncafé' };
    const query = serializeLink(cls, { ...defaultChoice(cls), params });
    expect(parseLink(query, hats, defaultHat).choice.params).toEqual(params);
  });

  it('falls back with a notice for an unknown hat, a malformed model id, a garbage dtype and device', () => {
    const unknown = parseLink('?hat=fedora', hats, defaultHat);
    expect(unknown.hatId).toBe(defaultHat.id);
    expect(unknown.notices[0]).toMatch(/fedora/);

    const bad = parseLink('?v=1&hat=masked-lm&model=../../etc/passwd&dtype=q99&device=tpu', hats, defaultHat);
    expect(bad.hatId).toBe('masked-lm');
    expect(bad.choice.model).toBe(mlm.defaultModel);
    expect(bad.choice.dtype).toBe('auto');
    expect(bad.choice.device).toBe('auto');
    expect(bad.notices).toHaveLength(3);
  });

  it('cuts a huge text with a notice and rejects an out-of-range top_k', () => {
    const huge = 'a'.repeat(50_000);
    const parsed = parseLink(`?hat=masked-lm&text=${huge}&top_k=9999`, hats, defaultHat);
    const params = parsed.choice.params as { text: string; top_k: number };
    expect(params.text.length).toBe(8000);
    expect(params.top_k).toBe(5);
    expect(parsed.notices.join(' ')).toMatch(/cut to the first 8,000/);
    expect(parsed.notices.join(' ')).toMatch(/top_k/);
  });

  it('survives a truncated link and a link from another version', () => {
    const parsed = parseLink('?v=7&hat=masked-lm&text=The%20cat%20sat%20on%20the%20%5BMA', hats, defaultHat);
    expect((parsed.choice.params as { text: string }).text).toBe('The cat sat on the [MA');
    expect(parsed.notices[0]).toMatch(/another version/);
    expect(parseLink('?hat=masked-lm&text=%E0%A4%A', hats, defaultHat).hatId).toBe('masked-lm');
  });

  it('reads numbers strictly in every hat: hex and padded numbers refused, empty values absent, -0 read as 0', () => {
    const refused = parseLink('?hat=masked-lm&top_k=0x10', hats, defaultHat);
    expect((refused.choice.params as { top_k: number }).top_k).toBe(5);
    expect(refused.notices).toEqual([expect.stringMatching(/“top_k” \(0x10\) must be a whole number/)]);
    const padded = parseLink('?hat=causal-lm&top_k=%205%20&seed=', hats, defaultHat);
    expect(padded.choice.params).toMatchObject({ top_k: 50, seed: 42 });
    expect(padded.notices).toEqual([expect.stringMatching(/Top-k must be a number/), expect.stringMatching(/“seed” is empty/)]);
    expect(parseLink('?hat=masked-image-modeling&seed=&mask_ratio=0x1', hats, defaultHat).notices).toHaveLength(2);
    // -0 is 0 for every hat; each hat's range then decides (top-k 0 means "no limit" when sampling).
    expect(Object.is((parseLink('?hat=causal-lm&top_k=-0', hats, defaultHat).choice.params as { top_k: number }).top_k, 0)).toBe(true);
    expect(parseLink('?hat=masked-lm&top_k=-0', hats, defaultHat).notices).toEqual([expect.stringMatching(/“top_k” \(0\) must be a whole number from 1 to 20/)]);
    expect(Object.is((parseLink('?hat=masked-image-modeling&mask_ratio=-0', hats, defaultHat).choice.params as { mask_ratio: number }).mask_ratio, 0)).toBe(true);
  });

  it('writes a link servers accept for 3 000 CJK characters, and the link says it was shortened', () => {
    const qa = findHat('question-answering')!;
    const context = '吾輩は猫である。名前はまだ無い。'.repeat(200).slice(0, 3000);
    const params = { ...(qa.params.defaults as object), context };
    const query = serializeLink(qa, { ...defaultChoice(qa), params });
    expect(query.length).toBeLessThanOrEqual(8000);
    const back = parseLink(query, hats, defaultHat);
    expect(context.startsWith((back.choice.params as { context: string }).context)).toBe(true);
    expect(back.notices).toEqual([expect.stringMatching(/^This link was shortened to fit what web servers accept: the end of “context” is missing/)]);
  });

  it('accepts Hub ids and refuses paths and URLs', () => {
    expect(isModelId('Xenova/bert-base-uncased')).toBe(true);
    expect(isModelId('bert-base-uncased')).toBe(true);
    expect(isModelId('https://evil.example/x')).toBe(false);
    expect(isModelId('a/b/c')).toBe(false);
    expect(isModelId('org/..')).toBe(false);
  });
});
