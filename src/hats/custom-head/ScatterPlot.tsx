import { ScatterChart } from '@/components/charts/ScatterChart';
import type { RegressionEval } from './types';

/** Predicted against true values: a perfect head puts every point on the diagonal. */
export function ScatterPlot({ evaluation, name }: { evaluation: RegressionEval; name: string }) {
  return (
    <figure className="flex flex-col gap-1" data-testid="regression-scatter">
      <figcaption className="text-sm">Predicted against true {name}; the dashed line is a perfect answer.</figcaption>
      <ScatterChart
        sameScale
        diagonal
        xLabel="true"
        yLabel="predicted"
        height={240}
        points={evaluation.points.map((p) => ({ x: p.truth, y: p.predicted, title: `${p.text}: true ${p.truth}, predicted ${p.predicted.toFixed(2)}` }))}
      />
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
