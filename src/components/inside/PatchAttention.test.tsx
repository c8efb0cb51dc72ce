// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttentionMap, InsidePicture } from '@/lib/inside';
import { AttentionView } from './AttentionView';

afterEach(cleanup);

// A 2 × 2 grid whose encoder read [CLS] and patches 1 and 2; one layer, one head.
const picture: InsidePicture = { rgb: new Uint8ClampedArray(4 * 4 * 3), size: 4, grid: 2, label: 'Stripes' };
const tokens = ['[CLS]', 'r1 c2', 'r2 c1'];
const layer = Float32Array.from([0.5, 0.25, 0.25, 0.1, 0.2, 0.7, 0.6, 0.3, 0.1]);
const map: AttentionMap = { name: 'encoder self', queries: tokens, keys: tokens, heads: 1, layers: [layer], patches: [null, 1, 2] };

const cells = () => screen.getAllByTestId('patch-cell');

describe('attention over the picture', () => {
  it('hatches the patches never read, and tints the others with the picked patch’s row of the table', () => {
    render(<AttentionView map={map} layer={1} head={1} onLayer={() => {}} onHead={() => {}} picture={picture} />);
    expect(cells().map((c) => c.dataset.seen)).toEqual(['false', 'true', 'true', 'false']);
    fireEvent.click(screen.getByRole('radio', { name: 'Patch r1 c2' }));
    expect(cells().map((c) => c.dataset.weight)).toEqual([undefined, '0.200', '0.700', undefined]);
    const row = within(screen.getByTestId('attention-table')).getAllByRole('row')[2]!;
    expect(Array.from(row.children, (c) => c.textContent)).toEqual(['r1 c2', '0.100', '0.200', '0.700']);
    expect(screen.getByTestId('patch-cls').dataset.weight).toBe('0.100');
  });

  it('moves the query patch with the arrow keys, skipping the unread ones; [CLS] is a button of its own', () => {
    render(<AttentionView map={map} layer={1} head={1} onLayer={() => {}} onHead={() => {}} picture={picture} />);
    const first = screen.getByRole('radio', { name: /^Patch r1 c2/ });
    expect(first.tabIndex).toBe(0);
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    const second = screen.getByRole('radio', { name: /^Patch r2 c1/ });
    expect(second.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(second);
    expect(second.dataset.weight).toBe('0.100');
    fireEvent.click(screen.getByTestId('patch-cls'));
    expect(cells().map((c) => c.dataset.weight)).toEqual([undefined, '0.250', '0.250', undefined]);
  });

  it('keeps a shorter attention (a decoder with fewer layers or heads) within its own, and says so', () => {
    render(<AttentionView map={map} layer={3} head={4} onLayer={() => {}} onHead={() => {}} />);
    expect(screen.getByTestId('attention-table').dataset.layer).toBe('1');
    expect(screen.getByText(/This attention has 1 layers of 1 heads, so it shows layer 1, head 1/)).toBeTruthy();
  });
});
