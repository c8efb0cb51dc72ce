/*
 * Moving over the patches an attention read, by keyboard: left and right go to the next read
 * patch in the row; up and down to the nearest row above or below that has one, at the closest
 * column; Home and End to the first and last. Patches it never read are skipped.
 */

/** The patch a key moves to from `from`, or null when the key is not a move (or leads nowhere). */
export function stepPatch(seen: readonly number[], grid: number, from: number, key: string): number | null {
  if (seen.length === 0) return null;
  const sorted = [...seen].sort((a, b) => a - b);
  const row = Math.floor(from / grid);
  const col = from % grid;
  const rowOf = (p: number) => Math.floor(p / grid);
  switch (key) {
    case 'Home':
      return sorted[0]!;
    case 'End':
      return sorted.at(-1)!;
    case 'ArrowRight':
      return sorted.find((p) => p > from && rowOf(p) === row) ?? null;
    case 'ArrowLeft':
      return sorted.findLast((p) => p < from && rowOf(p) === row) ?? null;
    case 'ArrowDown':
    case 'ArrowUp': {
      const ahead = sorted.filter((p) => (key === 'ArrowDown' ? rowOf(p) > row : rowOf(p) < row));
      if (ahead.length === 0) return null;
      const target = key === 'ArrowDown' ? Math.min(...ahead.map(rowOf)) : Math.max(...ahead.map(rowOf));
      const inRow = ahead.filter((p) => rowOf(p) === target);
      return inRow.reduce((best, p) => (Math.abs((p % grid) - col) < Math.abs((best % grid) - col) ? p : best));
    }
    default:
      return null;
  }
}
