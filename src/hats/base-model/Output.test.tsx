// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { settledOutput } from '@/hats/testing';
import Output from './Output';
import { describeBatch } from './postprocess';

const vocab = ['[PAD]', '[CLS]', '[SEP]', 'the', 'cat', 'sleeps', 'naps'];
const H = 4;
const rows = [
  { ids: [1, 3, 4, 5, 2], mask: [1, 1, 1, 1, 1], truncated: false },
  { ids: [1, 4, 6, 2, 0], mask: [1, 1, 1, 1, 0], truncated: false },
];
const data = Float32Array.from({ length: 2 * 5 * H }, (_, i) => Math.sin(i * 1.7) + (i % H === 0 ? 1 : 0));
const output = describeBatch(data, [2, 5, H], rows, vocab, new Set([0, 1, 2]));

// jsdom has no 2-D canvas (it logs "not implemented"); the pictures' text and tables are what is checked here.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
afterEach(cleanup);

describe('Output', () => {
  it('draws one heatmap row and one map point per token, and the pair cosine', () => {
    render(<Output params={{ text: 'the cat sleeps', text_pair: 'cat naps' }} output={output} onChange={() => {}} {...settledOutput} />);
    expect(screen.getAllByTestId('heatmap-row').map((r) => r.textContent)).toEqual(['[CLS]', 'the', 'cat', 'sleeps', '[SEP]']);
    expect(screen.getAllByTestId('pca-point')).toHaveLength(5);
    expect(screen.getByTestId('pair-cosine').textContent).toBe(output.pair!.mean.toFixed(3));
    expect(screen.getByTestId('hidden-shape').textContent).toBe('last_hidden_state: [2, 5, 4]');
    expect(screen.getByText(/1 padding tokens in the batch/)).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: /Second sentence/ }));
    expect(screen.getAllByTestId('heatmap-row').map((r) => r.textContent)).toEqual(['[CLS]', 'cat', 'naps', '[SEP]']);
    expect(screen.getAllByTestId('pca-point')).toHaveLength(4);
  });

  it('gives the numbers behind the pictures as tables', () => {
    render(<Output params={{ text: 'the cat sleeps', text_pair: '' }} output={{ ...output, sentences: output.sentences.slice(0, 1), pair: undefined }} onChange={() => {}} {...settledOutput} />);
    expect(screen.queryByTestId('pair-cosine')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByRole('img', { name: /Heatmap of 5 token vectors with 4 numbers each/ })).toBeTruthy();
    expect(screen.getAllByRole('table')).toHaveLength(3);
  });
});
