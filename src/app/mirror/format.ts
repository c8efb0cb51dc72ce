/** Parameter counts as people read them: 109,482,240. */
export const count = (n: number) => n.toLocaleString('en-US');

/** A share of the whole, small ones kept visible: 0.0014%. */
export function share(part: number, whole: number): string {
  const pct = whole > 0 ? (part / whole) * 100 : 0;
  if (pct === 0) return '0%';
  return `${pct >= 1 ? pct.toFixed(1) : pct.toPrecision(2)}%`;
}

/** How each head reads the shared hidden states, in words. */
export const READS = { every: 'every row', cls: '[CLS] only', mean: 'pooled mean of every row', none: 'nothing' } as const;
