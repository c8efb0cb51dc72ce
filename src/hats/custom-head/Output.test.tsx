// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { settledOutput } from '@/hats/testing';
import { encodeHeadLink } from './head-codec';
import Output from './Output';
import { forward } from './training/network';
import { DEFAULT_SETTINGS, type Head, type Prediction } from './types';

const head: Head = {
  task: 'classification',
  labels: ['hungry', 'sleepy'],
  encoder: { model: 'hw-test/tiny-minilm', pooling: 'mean', normalize: true, hiddenSize: 4 },
  layers: [{ inSize: 4, outSize: 2, weight: Float32Array.from([1, 0, 0.5, 0, -1, 0.25, 0, 2]), bias: Float32Array.from([0.125, -0.25]) }],
  settings: DEFAULT_SETTINGS,
};
const h = [0.5, -0.5, 0.5, 0.5];
const f = forward(head, h);
const prediction: Prediction = { kind: 'predict', task: 'classification', labels: head.labels, h, z: Array.from(f.z), probabilities: Array.from(f.probabilities) };

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
afterEach(cleanup);

describe('Output', () => {
  it('shows the prediction, the shapes and the equation with the real numbers', () => {
    render(<Output params={{ text: 'nap', head: encodeHeadLink(head) }} output={prediction} onChange={() => {}} {...settledOutput} />);
    // z(hungry) = 0.5 + 0 + 0.25 + 0 + 0.125 = 0.875; z(sleepy) = −0.5 − 0.125 + 0 + 1 − 0.25 = 0.125
    expect(f.z[0]).toBeCloseTo(0.875, 6);
    expect(screen.getByTestId('prediction').textContent).toBe('hungry');
    expect(screen.getByTestId('head-shape').textContent).toBe('W: [2, 4], b: [2]');
    const equation = screen.getByTestId('head-equation').textContent ?? '';
    expect(equation).toContain('p = softmax(W·h + b)');
    expect(equation).toContain('z(hungry) = 1.00·0.500 + 0.00·(-0.500) + 0.500·0.500 + … 1 more products + 0.125 = 0.875');
    expect(equation).toMatch(/p\(hungry\) = 67\.9%, p\(sleepy\) = 32\.1%/);
    expect(screen.getByRole('img', { name: /Heatmap of W: 2 rows by 4 columns/ })).toBeTruthy();
  });
});
