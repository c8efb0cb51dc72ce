import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RegressionEval } from './types';
import { useReducedMotion } from './use-reduced-motion';

/** Predicted against true values: a perfect head puts every point on the diagonal. */
export function ScatterPlot({ evaluation, name }: { evaluation: RegressionEval; name: string }) {
  const still = useReducedMotion();
  const values = evaluation.points.flatMap((p) => [p.truth, p.predicted]);
  const lo = Math.floor(Math.min(...values));
  const hi = Math.ceil(Math.max(...values));
  return (
    <figure className="flex flex-col gap-1" data-testid="regression-scatter">
      <figcaption className="text-sm">Predicted against true {name}; the dashed line is a perfect answer.</figcaption>
      <div className="h-56 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 16, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" opacity={0.4} />
            <XAxis type="number" dataKey="truth" name="true" domain={[lo, hi]} tick={{ fontSize: 11 }} label={{ value: 'true', position: 'insideBottom', offset: -8, fontSize: 11 }} />
            <YAxis type="number" dataKey="predicted" name="predicted" domain={[lo, hi]} tick={{ fontSize: 11 }} width={40} tickFormatter={(v: number) => v.toPrecision(2)} />
            <ReferenceLine segment={[{ x: lo, y: lo }, { x: hi, y: hi }]} stroke="#78716c" strokeDasharray="4 4" />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(2) : String(v))} />
            <Scatter data={evaluation.points} fill="#d97706" isAnimationActive={!still} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer">The points as a table</summary>
        <table className="mt-1">
          <thead>
            <tr>
              <th scope="col" className="pr-3 text-left">Text</th>
              <th scope="col" className="pr-3 text-right">True</th>
              <th scope="col" className="text-right">Predicted</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.points.map((p, i) => (
              <tr key={i}>
                <td className="max-w-56 truncate pr-3">{p.text}</td>
                <td className="pr-3 text-right font-mono">{p.truth}</td>
                <td className="text-right font-mono">{p.predicted.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
