import { ChartExport } from './ChartExport';
import { useFitWidth } from './use-fit-width';
import { Legend } from './Legend';
import { linearScale, shortLabel } from './scale';

export interface BarSeries {
  name: string;
  /** A colour the SVG carries itself (not a CSS class), so the drawing stands alone when exported. */
  color: string;
  /** One value per category. */
  values: readonly number[];
}

interface Props {
  /** One row per category, top to bottom. */
  categories: readonly string[];
  series: readonly BarSeries[];
  /** The end of the value axis (e.g. 100 for percentages). */
  max: number;
  unit?: string;
  /** What the chart shows, for its saved files. */
  name?: string;
  width?: number;
  labelWidth?: number;
}

const BAR = 9;
const GAP = 8;
const AXIS = 18;
const LEGEND = 18;

/**
 * Horizontal bars, one group per category. Like every chart here it is a drawing beside a table that
 * holds the same numbers, so it is hidden from assistive technology.
 */
export function BarChart({ categories, series, max, unit = '', name, width: natural = 320, labelWidth = 90 }: Props) {
  const { ref, width } = useFitWidth(natural);
  const band = series.length * BAR + GAP;
  const plotHeight = categories.length * band;
  const x = linearScale([0, max], [labelWidth, width - 12]);
  const height = plotHeight + AXIS + (series.length > 1 ? LEGEND : 0) + 4;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <svg ref={ref} viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" fontSize={11} className="h-auto max-w-full">
        {x.ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={0} y2={plotHeight} stroke="currentColor" strokeOpacity={0.15} />
            <text x={x(t)} y={plotHeight + 13} textAnchor="middle" fill="currentColor">
              {`${t}${unit}`}
            </text>
          </g>
        ))}
        {categories.map((category, i) => (
          <g key={i} transform={`translate(0 ${i * band + GAP / 2})`}>
            <text x={labelWidth - 4} y={(series.length * BAR) / 2} dominantBaseline="middle" textAnchor="end" fontFamily="monospace" fill="currentColor">
              {shortLabel(category)}
            </text>
            {series.map((s, j) => (
              <rect key={s.name} x={x(0)} y={j * BAR} width={Math.max(0, x(Math.min(max, s.values[i] ?? 0)) - x(0))} height={BAR - 1} fill={s.color}>
                <title>{`${category} · ${s.name}: ${(s.values[i] ?? 0).toFixed(1)}${unit}`}</title>
              </rect>
            ))}
          </g>
        ))}
        {series.length > 1 && <Legend items={series} x={labelWidth} y={plotHeight + AXIS + 8} />}
      </svg>
      <ChartExport svg={ref} name={name ?? 'bar chart'} table={() => ({ header: ['category', ...series.map((s) => (unit ? `${s.name} (${unit})` : s.name))], rows: categories.map((c, i) => [c, ...series.map((s) => s.values[i] ?? '')]) })} />
    </div>
  );
}
