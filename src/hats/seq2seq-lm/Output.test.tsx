// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { settledOutput } from '@/hats/testing';
import type { DecoderStep, Seq2SeqOutput } from './generation';
import Output from './Output';

const step = (token: string, prob: number, runnerUp: string): DecoderStep => ({
  id: token.length,
  token,
  prob,
  ms: 2,
  top: [
    { id: token.length, token, prob },
    { id: 99, token: runnerUp, prob: 1 - prob },
  ],
});

const output: Seq2SeqOutput = {
  encoder: {
    tokens: [
      { id: 4, token: '▁summarize', special: false, prefix: true },
      { id: 9, token: ':', special: false, prefix: true },
      { id: 13, token: '▁cat', special: false, prefix: false },
      { id: 1, token: '</s>', special: true, prefix: false },
    ],
    ms: 3,
    fullLength: 4,
    maxLength: 64,
  },
  decoderStartId: 0,
  decoderStartToken: '<pad>',
  steps: [step('▁cat', 0.9, '▁dog'), step('▁naps', 0.8, '</s>')],
  text: 'cat naps',
  finish: null,
  maxNewTokens: 40,
  generateMs: 20,
  notes: [],
  architecture: { modelType: 't5', usesCache: true },
};

const params = { text: 'the cat', task: 'summarize' as const, max_new_tokens: 40, pace: 'fast' as const };

afterEach(cleanup);

describe('Output', () => {
  it('shows the encoder tokens once, the steps in order, and the bench attributes', () => {
    render(<Output params={params} output={{ ...output, finish: 'eos' }} onChange={() => {}} {...settledOutput} />);
    const root = screen.getByTestId('generation');
    expect(root.dataset.newTokens).toBe('2');
    expect(root.dataset.generateMs).toBe('20');
    expect(screen.getAllByTestId('encoder-token').map((t) => t.textContent)).toEqual(['▁summarize', ':', '▁cat', '</s>']);
    expect(screen.getAllByTestId('encoder-token').filter((t) => t.dataset.prefix === 'true')).toHaveLength(2);
    expect(screen.getAllByTestId('decoder-step').map((t) => t.textContent)).toEqual(['▁cat', '▁naps']);
    expect(screen.getByTestId('generated-text').textContent).toBe('cat naps');
    expect(screen.getByTestId('finish').textContent).toMatch(/end-of-sequence/);
  });

  it('follows the newest step until one is picked, by click or keyboard', () => {
    render(<Output params={params} output={output} onChange={() => {}} {...settledOutput} running />);
    const candidates = () => within(screen.getByTestId('step-candidates')).getAllByTestId('candidate-row').map((r) => r.textContent);
    expect(candidates()[1]).toMatch(/<\/s>/);
    const first = screen.getAllByTestId('decoder-step')[0]!;
    first.focus();
    fireEvent.click(first);
    expect(first.getAttribute('aria-pressed')).toBe('true');
    expect(candidates()[1]).toMatch(/▁dog/);
  });

  it('says when the person stopped, and keeps the partial text', () => {
    render(<Output params={params} output={{ ...output, finish: 'stopped' }} onChange={() => {}} {...settledOutput} stopped />);
    expect(screen.getByTestId('generation').dataset.finish).toBe('stopped');
    expect(screen.getByTestId('finish').textContent).toMatch(/Stopped/);
    expect(screen.getByTestId('generated-text').textContent).toBe('cat naps');
  });
});
