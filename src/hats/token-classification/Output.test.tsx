// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Strategy } from './aggregate';
import { settledOutput } from '@/hats/testing';
import Output from './Output';
import { buildOutput } from './postprocess';
import { WORDPIECE } from './scheme';

// Labels in the fixture's spirit: not alphabetical, O not first.
const ID2LABEL = { '0': 'B-LOC', '1': 'O', '2': 'I-PER', '3': 'B-PER', '4': 'I-LOC' };
const TEXT = 'Annabel lives in Paris';
const output = buildOutput({
  text: TEXT,
  rows: ['[CLS]', 'ann', '##abel', 'lives', 'in', 'paris', '[SEP]'].map((token) => ({ token, special: token.startsWith('[') })),
  // Winner per row: O, B-PER, I-PER, O, O, B-LOC, O.
  logits: [1, 3, 2, 1, 1, 0, 1].flatMap((w) => [0, 1, 2, 3, 4].map((k) => (k === w ? 5 : 0))),
  id2label: ID2LABEL,
  scheme: WORDPIECE,
  unkToken: '[UNK]',
  truncated: false,
});

const show = (aggregation: Strategy) =>
  render(<Output params={{ text: TEXT, aggregation }} output={output} onChange={() => {}} {...settledOutput} />);
const entities = () =>
  screen.getAllByTestId('entity').map((m) => `${within(m).getByTestId('entity-text').textContent}:${within(m).getByTestId('entity-label').textContent}`);

afterEach(cleanup);

describe('Output', () => {
  it('simple merges the word pieces of a name into one highlighted entity', () => {
    show('simple');
    expect(entities()).toEqual(['Annabel:PER', 'Paris:LOC']);
  });

  it('none shows every piece with its own BIO tag', () => {
    show('none');
    expect(entities()).toEqual(['Ann:B-PER', 'abel:I-PER', 'Paris:B-LOC']);
    expect(screen.getAllByTestId('tag-row')).toHaveLength(5);
  });

  it('builds the legend from the config’s labels', () => {
    show('first');
    const legend = screen.getByTestId('legend');
    for (const label of Object.values(ID2LABEL)) expect(legend.textContent).toContain(label);
    expect(legend.textContent!.indexOf('LOC')).toBeLessThan(legend.textContent!.indexOf('PER'));
  });
});
