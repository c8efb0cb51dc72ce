import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LossPoint, Task } from './types';
import { useReducedMotion } from './use-reduced-motion';

const TABLE_ROWS = 40;

/** Loss per epoch, training and held-out, with the numbers in a table behind it. */
export function LossChart({ history, task }: { history: LossPoint[]; task: Task }) {
  const still = useReducedMotion();
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
      <div className="h-48 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={history} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" opacity={0.4} />
            <XAxis dataKey="epoch" tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} width={44} tickFormatter={(v: number) => v.toPrecision(2)} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toPrecision(4) : String(v))} />
            <Legend />
            <Line type="monotone" dataKey="train" name="training" stroke="#d97706" dot={false} isAnimationActive={!still} />
            <Line type="monotone" dataKey="heldOut" name="held-out" stroke="#2563eb" dot={false} strokeDasharray="4 2" isAnimationActive={!still} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </div>
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
