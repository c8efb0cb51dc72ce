// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttentionMap } from '@/lib/inside';
import { AttentionView } from './AttentionView';

afterEach(cleanup);

const tokens = ['[CLS]', 'cat', '[SEP]'];
// Layer 1: head 1 sends everything to "cat", head 2 is uniform. Layer 2: head 1 looks at itself.
const layer1 = Float32Array.from([0.1, 0.8, 0.1, 0.1, 0.8, 0.1, 0.1, 0.8, 0.1, ...Array<number>(9).fill(1 / 3)]);
const layer2 = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, ...Array<number>(9).fill(1 / 3)]);
const map: AttentionMap = { name: 'self', queries: tokens, keys: tokens, heads: 2, layers: [layer1, layer2] };

describe('AttentionView', () => {
  it('keeps a table of the shown layer and head: a row per query, the token first, three decimals', () => {
    render(<AttentionView map={map} layer={2} head={1} onLayer={() => {}} onHead={() => {}} />);
    const table = screen.getByTestId('attention-table');
    expect(table.dataset.layer).toBe('2');
    expect(table.dataset.head).toBe('1');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.children, (c) => c.textContent))).toEqual([
      ['[CLS]', '1.000', '0.000', '0.000'],
      ['cat', '0.000', '1.000', '0.000'],
      ['[SEP]', '0.000', '0.000', '1.000'],
    ]);
  });

  it('says where a token looks when it is picked, by tap or by the arrows (one tab stop)', () => {
    render(<AttentionView map={map} layer={1} head={1} onLayer={() => {}} onHead={() => {}} />);
    fireEvent.click(screen.getByRole('radio', { name: '[SEP]' }));
    expect(screen.getByRole('status').textContent).toBe('“[SEP]” looks most at “cat” (0.800).');
    expect(screen.getByRole('radio', { name: '[SEP]' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(screen.getByRole('radio', { name: '[SEP]' }), { key: 'ArrowLeft' });
    const cat = screen.getByRole('radio', { name: 'cat' });
    expect(document.activeElement).toBe(cat);
    expect(cat.tabIndex).toBe(0);
    expect(screen.getByRole('status').textContent).toBe('“cat” looks most at “cat” (0.800).');
    fireEvent.keyDown(cat, { key: 'Home' });
    expect(screen.getByRole('radio', { name: '[CLS]' }).getAttribute('aria-checked')).toBe('true');
  });

  it('shows every head of the layer as buttons that pick one; the pickers report the change', () => {
    const onHead = vi.fn();
    const onLayer = vi.fn();
    render(<AttentionView map={map} layer={1} head="all" onLayer={onLayer} onHead={onHead} />);
    const heads = within(screen.getByTestId('attention-heads')).getAllByRole('button');
    expect(heads.map((b) => b.textContent)).toEqual(['Head 1', 'Head 2']);
    fireEvent.click(heads[1]!);
    expect(onHead).toHaveBeenCalledWith(2);
    fireEvent.change(screen.getByRole('combobox', { name: 'Layer' }), { target: { value: '2' } });
    expect(onLayer).toHaveBeenCalledWith(2);
  });
});
