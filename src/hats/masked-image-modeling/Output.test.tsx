// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { settledOutput } from '@/hats/testing';
import { formatPatches } from './masking';
import type { MimOutput } from './output';
import Output from './Output';
import { mimCodec } from './params';
import { compose, patchStats } from './pixels';

// jsdom has no 2-D canvas; the pictures' names, the buttons and the table are what is checked here.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
afterEach(cleanup);

const [grid, p] = [2, 2];
const original = Uint8ClampedArray.from({ length: 4 * 4 * 3 }, (_, i) => (i % 3 === 0 ? 255 : 0));
const prediction = Uint8ClampedArray.from({ length: 4 * 4 * 3 }, (_, i) => (i % 3 === 2 ? 255 : 0));
const hidden = [1, 2];
const reconstruction = compose(original, prediction, hidden, grid, p);
const output: MimOutput = {
  imageLabel: 'Rings',
  original,
  reconstruction,
  hidden,
  maskKey: formatPatches(hidden),
  mode: 'random',
  ...patchStats(original, reconstruction, hidden, grid, p),
  model: { imageSize: 4, patchSize: 2, grid: 2, hiddenSize: 16, numLayers: 1, numHeads: 2, decoderHiddenSize: 8, decoderLayers: 1, decoderHeads: 2, trainedMaskRatio: 0.75, normPixLoss: false, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], normDefaulted: false, resample: 2 },
  notes: [],
  provenance: { model: 'org/m', file: 'model.safetensors', headTensors: [], bodyTensorCount: 3, bytesFetched: 100, dtype: 'q8', computed: [] },
};

describe('Output', () => {
  it('shows the three pictures, the mask as data and words, and the hidden patches as a table', () => {
    render(<Output params={mimCodec.defaults} output={output} onChange={() => {}} {...settledOutput} />);
    expect(screen.getByTestId('mim-output').dataset.mask).toBe('1-2');
    expect(screen.getByRole('img', { name: /Rings, as the model reads it/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /2 of 4 patches greyed out/ })).toBeTruthy();
    expect(screen.getByTestId('mim-summary').textContent).toContain('2 of 4 patches hidden (random, mask ratio 0.75, seed 1); the encoder saw the other 2 (50%)');
    expect(screen.getByTestId('mim-mse').textContent).toBe((2 / 3).toFixed(4));
    expect(screen.getAllByTestId('mim-predicted').map((c) => c.textContent)).toEqual(['0.000 0.000 1.000', '0.000 0.000 1.000']);
    expect(screen.getByTestId('mim-visible-mean').textContent).toBe('1.000 0.000 0.000');
  });

  it('a patch button hides or shows that patch, as a hand-picked mask', () => {
    const onChange = vi.fn();
    render(<Output params={mimCodec.defaults} output={output} onChange={onChange} {...settledOutput} />);
    const buttons = screen.getAllByRole('button', { name: /^Hide patch/ });
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'true', 'false']);
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Hide patch 3 (row 2, column 2)' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...mimCodec.defaults, patches: [1, 2, 3] });
    fireEvent.click(screen.getByRole('button', { name: 'Hide patch 1 (row 1, column 2)' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...mimCodec.defaults, patches: [2] });
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[2]);
  });
});
