import { describe, expect, it } from 'vitest';
import { clampNewTokens, MAX_NEW_TOKENS, seq2seqCodec, seq2seqDefaults, sourceText } from './params';

const parse = (q: string) => seq2seqCodec.parse(new URLSearchParams(q));

describe('seq2seq params', () => {
  it('round-trips non-default values and writes nothing for defaults', () => {
    expect(seq2seqCodec.serialize(seq2seqDefaults)).toEqual([]);
    const p = { text: 'the dog', task: 'summarize' as const, max_new_tokens: 12, pace: 'slow' as const };
    const back = parse(new URLSearchParams(seq2seqCodec.serialize(p)).toString());
    expect(back).toEqual({ params: p, notices: [] });
  });

  it('clamps max_new_tokens from a link, with a notice', () => {
    const big = parse('max_new_tokens=99999');
    expect(big.params.max_new_tokens).toBe(MAX_NEW_TOKENS);
    expect(big.notices[0]).toMatch(/99999.*512 is used/);
    expect(parse('max_new_tokens=0').params.max_new_tokens).toBe(1);
    const junk = parse('max_new_tokens=lots');
    expect(junk.params.max_new_tokens).toBe(seq2seqDefaults.max_new_tokens);
    expect(junk.notices).toHaveLength(1);
  });

  it('an unknown task falls back with a notice, and the text is kept', () => {
    const r = parse('task=poetry&text=hello');
    expect(r.params).toMatchObject({ task: seq2seqDefaults.task, text: 'hello' });
    expect(r.notices[0]).toMatch(/poetry/);
  });

  it('rounds fractions and says so', () => {
    expect(clampNewTokens(7.6)).toEqual({ value: 8, note: expect.stringMatching(/7\.6/) });
    expect(clampNewTokens(7)).toEqual({ value: 7 });
  });

  it('the encoder reads the preset prefix before the text; instruct adds none', () => {
    expect(sourceText({ task: 'translate-de', text: 'the cat' })).toBe('translate English to German: the cat');
    expect(sourceText({ task: 'summarize', text: 'x' })).toBe('summarize: x');
    expect(sourceText({ task: 'instruct', text: 'purr' })).toBe('purr');
  });

  it('never adds a prefix the text already has (the README example is read as typed)', () => {
    expect(sourceText({ task: 'translate-de', text: 'translate English to German: the cat' })).toBe('translate English to German: the cat');
    expect(sourceText({ task: 'translate-de', text: 'summarize: the cat sleeps' })).toBe('summarize: the cat sleeps');
    expect(sourceText({ task: 'summarize', text: 'Translate English to French: hello' })).toBe('Translate English to French: hello');
  });
});
