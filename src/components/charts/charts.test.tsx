// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BarChart } from './BarChart';
import { LineChart } from './LineChart';
import { ScatterChart } from './ScatterChart';
import { linearScale, niceExtent } from './scale';

afterEach(cleanup);

describe('scales', () => {
  it('maps the domain onto the range, with round ticks', () => {
    const x = linearScale([0, 100], [10, 210]);
    expect([x(0), x(50), x(100)]).toEqual([10, 110, 210]);
    expect(x.ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceExtent([0.13, 0.92])).toEqual([0, 1]);
    expect(niceExtent([13, 92], 10)).toEqual([10, 100]);
    expect(niceExtent([3])).toEqual([2, 4]);
  });
});

describe('charts', () => {
  it('draws a bar per category and series, as long as its value, hidden from assistive technology', () => {
    const { container } = render(
      <BarChart
        categories={['cat', 'dog']}
        series={[
          { name: 'raw', color: '#aaa', values: [50, 25] },
          { name: 'final', color: '#f90', values: [100, 0] },
        ]}
        max={100}
        width={200}
        labelWidth={40}
      />,
    );
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    const widths = [...svg.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    // The value axis runs from x = 40 to x = 188: 148 units for 100 %.
    expect(widths).toEqual([74, 148, 37, 0]);
    expect(svg.textContent).toContain('final');
  });

  it('joins a line across missing values', () => {
    const { container } = render(<LineChart x={[1, 2, 3]} series={[{ name: 'held-out', color: '#00f', values: [1, null, 0.5] }]} />);
    const d = container.querySelector('path')!.getAttribute('d')!;
    expect(d.match(/[ML]/g)).toEqual(['M', 'L']);
  });

  it('draws a labelled mark at its x, between the ends of the axis', () => {
    const { container } = render(<LineChart x={[0, 5, 10]} width={420} marks={[{ x: 5, label: 'best: epoch 5' }]} series={[{ name: 'loss', color: '#00f', values: [3, 1, 2] }]} />);
    const mark = container.querySelector('[data-mark="best: epoch 5"]')!;
    expect(mark.textContent).toBe('best: epoch 5');
    const at = Number(mark.querySelector('line')!.getAttribute('x1'));
    // The x axis runs from 44 to 410, so x = 5 of 0…10 sits half way.
    expect(at).toBeCloseTo((44 + 410) / 2);
  });

  it('puts predicted against true on one scale, with the y = x line', () => {
    const { container, getAllByTestId } = render(
      <ScatterChart sameScale diagonal xLabel="true" yLabel="predicted" pointTestId="point" points={[{ x: 0, y: 0 }, { x: 2, y: 1 }]} />,
    );
    expect(getAllByTestId('point')).toHaveLength(2);
    const line = [...container.querySelectorAll('line')].find((l) => l.getAttribute('stroke-dasharray') === '4 4')!;
    // y = x: the line's ends are the plot's corners, bottom left to top right.
    expect(Number(line.getAttribute('x1'))).toBeLessThan(Number(line.getAttribute('x2')));
    expect(Number(line.getAttribute('y1'))).toBeGreaterThan(Number(line.getAttribute('y2')));
  });
});
