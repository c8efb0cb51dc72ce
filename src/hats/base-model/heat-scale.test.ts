import { describe, expect, it } from 'vitest';
import { heatColour, heatLimit } from './heat-scale';

describe('heatLimit', () => {
  it('clips at the 99th percentile of |x| so one outlier dimension does not wash out the rest', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 1 : -1) * ((i % 100) / 100));
    values[7] = -250; // an outlier dimension
    const limit = heatLimit(values);
    expect(limit).toBeGreaterThan(0.9);
    expect(limit).toBeLessThan(1);
  });

  it('uses the maximum for short inputs and never returns 0', () => {
    expect(heatLimit([0.5, -2])).toBe(0.5);
    expect(heatLimit([0, 0, 0, 3], 0.5)).toBe(3);
    expect(heatLimit([0, 0])).toBe(1);
    expect(heatLimit([])).toBe(1);
  });
});

describe('heatColour', () => {
  it('is neutral at 0, blue below, orange above, saturated past the limit', () => {
    expect(heatColour(0, 2)).toEqual([247, 247, 247]);
    expect(heatColour(-2, 2)).toEqual([33, 102, 172]);
    expect(heatColour(2, 2)).toEqual([214, 96, 21]);
    expect(heatColour(50, 2)).toEqual(heatColour(2, 2));
    expect(heatColour(-50, 2)).toEqual(heatColour(-2, 2));
    const half = heatColour(1, 2);
    expect(half[0]).toBe(Math.round(247 + (214 - 247) / 2));
    expect(half[2]).toBe(Math.round(247 + (21 - 247) / 2));
  });
});
