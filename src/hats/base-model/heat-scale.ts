/** How numbers become colours in the heatmaps: a diverging scale, blue below zero, orange above. */

export type Rgb = [number, number, number];

const NEGATIVE: Rgb = [33, 102, 172];
const ZERO: Rgb = [247, 247, 247];
const POSITIVE: Rgb = [214, 96, 21];

/**
 * The value that gets the strongest colour: the given quantile of |x|, not the maximum.
 * [1] BERT-like models have a few "outlier" dimensions whose values are ten or more times larger
 *     than the rest. Scaling to the maximum would paint everything else near-white; clipping at the
 *     99th percentile keeps the pattern visible, and the legend says the ends are clipped.
 */
export function heatLimit(values: ArrayLike<number>, quantile = 0.99): number {
  const abs = Float32Array.from(values, Math.abs).sort();
  if (abs.length === 0) return 1;
  const at = abs[Math.min(abs.length - 1, Math.floor(quantile * (abs.length - 1)))]!;
  return at > 0 ? at : abs[abs.length - 1]! || 1;
}

/** [2] Linear between the end colours and the neutral middle; anything past ±limit gets the end colour. */
export function heatColour(value: number, limit: number): Rgb {
  const t = Math.max(-1, Math.min(1, limit > 0 ? value / limit : 0));
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(t);
  return [0, 1, 2].map((c) => Math.round(ZERO[c]! + (end[c]! - ZERO[c]!) * a)) as Rgb;
}

export function css([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}

/** Stops for a CSS gradient legend from −limit to +limit. */
export function legendGradient(): string {
  return `linear-gradient(to right, ${css(NEGATIVE)}, ${css(ZERO)}, ${css(POSITIVE)})`;
}
