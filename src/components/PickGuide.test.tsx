// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hats } from '@/hats/registry';
import { guideOrder, PickGuide } from './PickGuide';

afterEach(cleanup);

const position = (id: string) => guideOrder(hats).findIndex((h) => h.id === id);

describe('How to pick a hat?', () => {
  // The first yes wins, so a task must meet its own hat's question before a broader one that would catch it.
  it.each([
    ['own labels', 'custom-head', 'sequence-classification'],
    ['sentence similarity', 'base-model', 'sequence-classification'],
    ['translation and summaries', 'seq2seq-lm', 'causal-lm'],
    ['reading-comprehension multiple choice', 'multiple-choice', 'question-answering'],
  ])('%s reach %s before %s', (_task, hat, broader) => {
    expect(position(hat)).toBeGreaterThanOrEqual(0);
    expect(position(hat)).toBeLessThan(position(broader));
  });

  it('asks every hat once, goes Back, and when nothing fits offers a hat of the app', () => {
    const onPick = vi.fn();
    render(<PickGuide hats={hats} onPick={onPick} onClose={() => undefined} />);
    const order = guideOrder(hats);
    expect(screen.getByTestId('guide-question').textContent).toContain(order[0]!.pickQuestion);
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'No' }));
    expect(screen.getByTestId('guide-question').textContent).toContain(order[1]!.pickQuestion);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByTestId('guide-question').textContent).toContain(order[0]!.pickQuestion);
    for (const _ of order) fireEvent.click(screen.getByRole('button', { name: 'No' }));
    const fallback = hats.find((h) => h.pickFallback)!;
    expect(screen.getByTestId('guide-fallback').textContent).toContain(fallback.pickFallback!);
    fireEvent.click(screen.getByRole('button', { name: `Wear ${fallback.icon} ${fallback.title}` }));
    expect(onPick).toHaveBeenCalledWith(fallback.id);
    expect(fallback.id).toBe('custom-head');
  });
});
