import { describe, expect, it } from 'vitest';
import { choicesProblem, multipleChoiceCodec as codec } from './params';

const round = (p: { context: string; choices: string[] }) => codec.parse(new URLSearchParams(codec.serialize(p))).params;

describe('multiple-choice params', () => {
  it('writes one repeated `choice` per option and reads them back in order', () => {
    const p = { context: 'the cat is hungry .', choices: ['it eats fish .', 'it flies to the moon .', 'it reads a book .'] };
    const pairs = codec.serialize(p);
    expect(pairs.filter(([k]) => k === 'choice').map(([, v]) => v)).toEqual(p.choices);
    expect(round(p)).toEqual(p);
  });

  it('writes nothing for the defaults and reads the defaults from an empty link', () => {
    expect(codec.serialize(codec.defaults)).toEqual([]);
    expect(codec.parse(new URLSearchParams('')).params).toEqual(codec.defaults);
  });

  it('keeps odd text, empty and repeated choices from a link so the person sees them', () => {
    const q = new URLSearchParams([['context', 'Ça 👍🏽 & ?=#'], ['choice', 'oui'], ['choice', ''], ['choice', 'oui']]);
    const { params, notices } = codec.parse(q);
    expect(params).toEqual({ context: 'Ça 👍🏽 & ?=#', choices: ['oui', '', 'oui'] });
    expect(notices).toEqual([]);
    expect(round(params)).toEqual(params);
  });

  it('drops control characters and caps absurd links with a notice', () => {
    const q = new URLSearchParams(Array.from({ length: 12 }, (_, i) => ['choice', `c${i}\u0007`]));
    const { params, notices } = codec.parse(q);
    expect(params.choices).toHaveLength(10);
    expect(params.choices[0]).toBe('c0');
    expect(notices.join(' ')).toMatch(/12 choices/);
  });
});

describe('choicesProblem', () => {
  const ok = { context: 'the cat is hungry .', choices: ['a', 'b'] };
  it('accepts two to five distinct choices', () => {
    expect(choicesProblem(ok)).toBeNull();
    expect(choicesProblem({ ...ok, choices: ['a', 'b', 'c', 'd', 'e'] })).toBeNull();
  });
  it('explains each kind of bad input', () => {
    expect(choicesProblem({ ...ok, choices: ['a'] })).toMatch(/only one choice.*at least 2/);
    expect(choicesProblem({ ...ok, choices: ['a', 'b', 'c', 'd', 'e', 'f'] })).toMatch(/6 choices.*at most 5/);
    expect(choicesProblem({ ...ok, choices: ['a', ' ', 'c'] })).toBe('Choice 2 is empty. Type an answer there or remove it.');
    expect(choicesProblem({ ...ok, choices: ['It eats', 'b', 'it  eats '] })).toMatch(/Choice 1 and Choice 3 are the same/);
    expect(choicesProblem({ ...ok, context: ' ' })).toMatch(/context is empty/);
  });
});
