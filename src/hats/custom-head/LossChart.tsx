import { LineChart } from '@/components/charts/LineChart';
import type { LossPoint, Task } from './types';

const TABLE_ROWS = 40;

/** Loss per epoch, training and held-out, with the numbers in a table behind it. */
export function LossChart({ history, task }: { history: LossPoint[]; task: Task }) {
  if (history.length === 0) return null;
  const name = task === 'classification' ? 'cross-entropy' : 'mean squared error';
  const every = Math.max(1, Math.ceil(history.length / TABLE_ROWS));
  const rows = history.filter((_, i) => i % every === 0 || i === history.length - 1);
  const last = history[history.length - 1] as LossPoint;
  return (
    <figure className="flex flex-col gap-1" data-testid="loss-chart">
      <figcaption className="text-sm">
        Loss ({name}) after epoch {last.epoch}: training {last.train.toPrecision(3)}
        {last.heldOut !== null && `, held-out ${last.heldOut.toPrecision(3)}`}
      </figcaption>
      <LineChart
        x={history.map((p) => p.epoch)}
        name="training loss per epoch"
        xName="epoch"
        formatY={(v) => v.toPrecision(2)}
        series={[
          { name: 'training', color: '#d97706', values: history.map((p) => p.train) },
          { name: 'held-out', color: '#2563eb', dashed: true, values: history.map((p) => p.heldOut) },
        ]}
      />
      <details className="text-xs">
        <summary className="cursor-pointer">The loss curve as a table</summary>
        <table className="mt-1 font-mono">
          <thead>
            <tr>
              <th scope="col" className="pr-3 text-left">Epoch</th>
              <th scope="col" className="pr-3 text-left">Training</th>
              <th scope="col" className="text-left">Held-out</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.epoch}>
                <td className="pr-3">{p.epoch}</td>
                <td className="pr-3">{p.train.toPrecision(4)}</td>
                <td>{p.heldOut === null ? '—' : p.heldOut.toPrecision(4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
