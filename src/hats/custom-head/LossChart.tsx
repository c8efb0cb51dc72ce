import { LineChart, type LineMark } from '@/components/charts/LineChart';
import { OverfitNote } from './OverfitNote';
import type { LossPoint, Task, TrainReport } from './types';

const TABLE_ROWS = 40;

/** Loss per epoch, training and held-out, with the best epoch marked on the curve and in the table behind it. */
export function LossChart({ report, task, shownEpoch }: { report: TrainReport; task: Task; shownEpoch?: number }) {
  const { history, bestEpoch } = report;
  if (history.length === 0) return null;
  const name = task === 'classification' ? 'cross-entropy' : 'mean squared error';
  const every = Math.max(1, Math.ceil(history.length / TABLE_ROWS));
  // The best epoch always has its row, so the table says what the chart marks.
  const rows = history.filter((p, i) => i % every === 0 || i === history.length - 1 || p.epoch === bestEpoch || p.epoch === shownEpoch);
  const last = history[history.length - 1] as LossPoint;
  const marks: LineMark[] = bestEpoch !== undefined && last.heldOut !== null ? [{ x: bestEpoch, label: `best: epoch ${bestEpoch}` }] : [];
  // The epoch scrubber's choice, when it is not the best epoch: the head the page wears now.
  if (shownEpoch !== undefined && shownEpoch !== bestEpoch) marks.push({ x: shownEpoch, label: `worn: epoch ${shownEpoch}` });
  return (
    <figure className="flex flex-col gap-1" data-testid="loss-chart">
      <figcaption className="text-sm">
        Loss ({name}) after epoch {last.epoch}: training {last.train.toPrecision(3)}
        {last.heldOut !== null && `, held-out ${last.heldOut.toPrecision(3)}`}
      </figcaption>
      <OverfitNote report={report} />
      <LineChart
        x={history.map((p) => p.epoch)}
        name="training loss per epoch"
        xName="epoch"
        // Wide and low: on a laptop the curve, the text and its prediction share one screen.
        width={640}
        height={170}
        formatY={(v) => v.toPrecision(2)}
        marks={marks}
        series={[
          { name: 'training', color: '#d97706', values: history.map((p) => p.train) },
          { name: 'held-out', color: '#2563eb', dashed: true, values: history.map((p) => p.heldOut) },
        ]}
      />
      <details className="text-xs">
        <summary className="cursor-pointer">The loss curve as a table</summary>
        <table className="mt-1 font-mono" data-testid="loss-table">
          <thead>
            <tr>
              <th scope="col" className="pr-3 text-left">Epoch</th>
              <th scope="col" className="pr-3 text-left">Training</th>
              <th scope="col" className="pr-3 text-left">Held-out</th>
              <th scope="col" className="text-left">Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const best = p.epoch === bestEpoch && last.heldOut !== null;
              const worn = p.epoch === shownEpoch && !best;
              return (
                <tr key={p.epoch} data-best={best || undefined} className={best ? 'font-bold text-blue-700 dark:text-blue-300' : undefined}>
                  <td className="pr-3">{p.epoch}</td>
                  <td className="pr-3">{p.train.toPrecision(4)}</td>
                  <td className="pr-3">{p.heldOut === null ? '—' : p.heldOut.toPrecision(4)}</td>
                  <td>{best ? 'lowest held-out loss (kept)' : worn ? 'the head worn now' : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
