import { nice, ticks } from 'd3-array';

/** A linear map from data to drawing coordinates, with round tick values for its axis. */
export interface Scale {
  (value: number): number;
  ticks: number[];
}

export function linearScale([lo, hi]: readonly [number, number], [from, to]: readonly [number, number], tickCount = 5): Scale {
  const span = hi - lo;
  const scale = ((v: number) => (span === 0 ? (from + to) / 2 : from + ((v - lo) / span) * (to - from))) as Scale;
  scale.ticks = span === 0 ? [lo] : ticks(lo, hi, tickCount);
  return scale;
}

/** The smallest round range holding every value (a single value gets a unit of room either side). */
export function niceExtent(values: readonly number[], tickCount = 5): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? [lo - 1, hi + 1] : nice(lo, hi, tickCount);
}

/** Long labels are cut so they keep to their column (the table beside the chart has them whole). */
export function shortLabel(label: string, max = 12): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
