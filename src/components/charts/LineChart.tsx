import { ChartExport } from './ChartExport';
import { useFitWidth } from './use-fit-width';
import { Legend } from './Legend';
import { linearScale, niceExtent } from './scale';

export interface LineSeries {
  name: string;
  color: string;
  dashed?: boolean;
  /** One value per x; null where the series has none (the line joins across the gap). */
  values: readonly (number | null)[];
}

/** A vertical line at one x, with a short label (e.g. the best epoch). */
export interface LineMark {
  x: number;
  label: string;
}

interface Props {
  x: readonly number[];
  series: readonly LineSeries[];
  marks?: readonly LineMark[];
  formatY?: (v: number) => string;
  /** What the chart shows, for its saved files; `xName` heads the first column. */
  name?: string;
  xName?: string;
  width?: number;
  height?: number;
}

const LEFT = 44;
const BOTTOM = 36;

/** Lines over a numeric x axis (e.g. loss per epoch); a drawing beside its table, hidden from assistive technology. */
export function LineChart({ x: xs, series, marks = [], formatY = String, name, xName = 'x', width: natural = 420, height = 190 }: Props) {
  const { ref, width } = useFitWidth(natural);
  const plotBottom = height - BOTTOM;
  const x = linearScale(niceExtent(xs), [LEFT, width - 10]);
  const y = linearScale(
    niceExtent(series.flatMap((s) => s.values.filter((v): v is number => v !== null))),
    [plotBottom, 6],
  );
  const xTicks = x.ticks.filter((t) => Number.isInteger(t) || !xs.every(Number.isInteger));
  const path = (values: LineSeries['values']) =>
    values
      .flatMap((v, i) => (v === null || xs[i] === undefined ? [] : [`${x(xs[i])},${y(v)}`]))
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p}`)
      .join(' ');
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <svg ref={ref} viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" fontSize={11} className="h-auto max-w-full">
        {y.ticks.map((t) => (
          <g key={`y${t}`}>
            <line x1={LEFT} x2={width - 10} y1={y(t)} y2={y(t)} stroke="currentColor" strokeOpacity={0.15} strokeDasharray="3 3" />
            <text x={LEFT - 4} y={y(t)} textAnchor="end" dominantBaseline="middle" fill="currentColor">
              {formatY(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={plotBottom + 14} textAnchor="middle" fill="currentColor">
            {t}
          </text>
        ))}
        <line x1={LEFT} x2={width - 10} y1={plotBottom} y2={plotBottom} stroke="currentColor" strokeOpacity={0.4} />
        {marks.map((m) => (
          <g key={`m${m.x}${m.label}`} data-mark={m.label}>
            <line x1={x(m.x)} x2={x(m.x)} y1={6} y2={plotBottom} stroke="currentColor" strokeOpacity={0.6} strokeDasharray="2 3" />
            <text x={x(m.x) + 3} y={14} fill="currentColor">
              {m.label}
            </text>
          </g>
        ))}
        {series.map((s) => (
          <path key={s.name} d={path(s.values)} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '4 2' : undefined} />
        ))}
        <Legend items={series} x={LEFT} y={height - 8} />
      </svg>
      <ChartExport svg={ref} name={name ?? 'line chart'} table={() => ({ header: [xName, ...series.map((s) => s.name)], rows: xs.map((v, i) => [v, ...series.map((s) => s.values[i] ?? '')]) })} />
    </div>
  );
}
