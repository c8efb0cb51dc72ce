import { ChartExport } from './ChartExport';
import { useFitWidth } from './use-fit-width';
import { linearScale, niceExtent, shortLabel } from './scale';

export interface ScatterPoint {
  x: number;
  y: number;
  /** Written beside the point (e.g. a token). */
  label?: string;
  /** Hover text. */
  title?: string;
  square?: boolean;
}

interface Props {
  points: readonly ScatterPoint[];
  /** One range for both axes (e.g. predicted against true); otherwise each axis fits its values. */
  sameScale?: boolean;
  /** The dashed y = x line: where every point would lie if predictions were perfect. */
  diagonal?: boolean;
  xLabel: string;
  yLabel: string;
  /** Tick values on the axes; off for axes without units of their own (e.g. PCA directions). */
  ticks?: boolean;
  pointTestId?: string;
  /** What the chart shows, for its saved files; by default its axes. */
  name?: string;
  width?: number;
  height?: number;
}

const PAD = 36;
const POINT = '#d97706';
const MUTED = '#78716c';

/** Points on two numeric axes; a drawing beside its table, hidden from assistive technology. */
export function ScatterChart({ points, sameScale, diagonal, xLabel, yLabel, ticks = true, pointTestId, name, width: natural = 420, height = 300 }: Props) {
  const { ref, width } = useFitWidth(natural);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const both = niceExtent([...xs, ...ys]);
  const xDomain = sameScale ? both : niceExtent(xs);
  const yDomain = sameScale ? both : niceExtent(ys);
  // Room on the right for the last label.
  const x = linearScale(xDomain, [PAD, width - (points.some((p) => p.label) ? 60 : 12)]);
  const y = linearScale(yDomain, [height - PAD, 12]);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <svg ref={ref} viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" fontSize={11} className="h-auto max-w-xl">
        <line x1={PAD} x2={width - 12} y1={height - PAD} y2={height - PAD} stroke="currentColor" strokeOpacity={0.4} />
        <line x1={PAD} x2={PAD} y1={12} y2={height - PAD} stroke="currentColor" strokeOpacity={0.4} />
        {ticks &&
          x.ticks.map((t) => (
            <text key={`x${t}`} x={x(t)} y={height - PAD + 14} textAnchor="middle" fill="currentColor">
              {t}
            </text>
          ))}
        {ticks &&
          y.ticks.map((t) => (
            <text key={`y${t}`} x={PAD - 4} y={y(t)} textAnchor="end" dominantBaseline="middle" fill="currentColor">
              {t}
            </text>
          ))}
        <text x={width - 12} y={height - 6} textAnchor="end" fill="currentColor">
          {xLabel}
        </text>
        <text x={4} y={8} fill="currentColor">
          {yLabel}
        </text>
        {diagonal && <line x1={x(xDomain[0])} y1={y(xDomain[0])} x2={x(xDomain[1])} y2={y(xDomain[1])} stroke={MUTED} strokeDasharray="4 4" />}
        {points.map((p, i) => (
          <g key={i} data-testid={pointTestId} transform={`translate(${x(p.x)} ${y(p.y)})`}>
            {p.title && <title>{p.title}</title>}
            {p.square ? <rect x={-4} y={-4} width={8} height={8} fill={MUTED} /> : <circle r={4} fill={POINT} />}
            {p.label && (
              <text x={6} y={4} fontFamily="monospace" fill="currentColor">
                {shortLabel(p.label)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <ChartExport svg={ref} name={name ?? `${yLabel} against ${xLabel}`} table={() => ({ header: ['label', xLabel, yLabel], rows: points.map((p) => [p.label ?? '', p.x, p.y]) })} />
    </div>
  );
}
