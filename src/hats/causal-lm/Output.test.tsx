// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { settledOutput } from '@/hats/testing';
import Output from './Output';
import type { CausalOutput, GenStep } from './output';
import { DEFAULTS } from './params';

const step = (id: number, text: string, end = false): GenStep => ({
  id,
  text,
  end,
  kept: 1,
  candidates: [
    { id, text, raw: 0.9, final: 1 },
    { id: 99, text: ' dog', raw: 0.1, final: 0 },
  ],
});

const output: CausalOutput = {
  prompt: 'the cat',
  promptTokens: 2,
  generated: ' sat on',
  steps: [step(1, ' sat'), step(2, ' on'), step(3, '<|endoftext|>', true)],
  finish: 'eos',
  notes: ['New tokens 999 is outside 1–256 (whole numbers); using 256.'],
  generateMs: 30,
  settings: { max_new_tokens: 20, temperature: 0, top_k: 50, top_p: 1, seed: 42, pace: 'fast' },
  cached: true,
};

afterEach(cleanup);

describe('the causal-lm output', () => {
  it('shows the prompt, each new token as a button, the notes and the figures the benchmark reads', () => {
    render(<Output params={DEFAULTS} output={output} onChange={() => {}} {...settledOutput} />);
    expect(screen.getByTestId('prompt-text').textContent).toBe('the cat');
    expect(screen.getByTestId('generated-text').textContent).toBe(' sat on');
    const root = screen.getByTestId('generation');
    expect(root.dataset.newTokens).toBe('3');
    expect(root.dataset.generateMs).toBe('30');
    expect(screen.getByTestId('generation-notes').textContent).toContain('using 256');
    // A finished text opens on its first new token, not on the end-of-text step.
    expect(screen.getByRole('button', { name: 'Step 3: end of text' })).toHaveProperty('ariaPressed', 'false');
    expect(screen.getByTestId('step-chart').dataset.step).toBe('1');
  });

  it('a clicked token selects its step: caption and table follow', () => {
    render(<Output params={DEFAULTS} output={output} onChange={() => {}} {...settledOutput} />);
    fireEvent.click(screen.getByRole('button', { name: 'Step 1: ␣sat' }));
    const chart = screen.getByTestId('step-chart');
    expect(chart.dataset.step).toBe('1');
    expect(chart.textContent).toContain('the model chose “␣sat”');
    const rows = within(screen.getByTestId('step-table')).getAllByTestId('candidate-row');
    expect(rows.map((r) => r.textContent)).toEqual(['␣sat (chosen)190.0%100%', '␣dog9910.0%0%']);
  });

  it('says when the person stopped the run', () => {
    render(<Output params={DEFAULTS} output={{ ...output, finish: 'stopped' }} onChange={() => {}} {...settledOutput} stopped />);
    expect(screen.getByTestId('stopped').textContent).toContain('the text so far is kept');
  });
});
