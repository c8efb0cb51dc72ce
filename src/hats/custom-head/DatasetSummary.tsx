import type { DatasetReport } from './data/dataset';
import { FEW_PER_LABEL } from './data/dataset';

/** Examples per label (or the target range), with what will go wrong before it does. */
export function DatasetSummary({ report, labelName, empty }: { report: DatasetReport; labelName: string; empty: boolean }) {
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="dataset-summary">
      <p data-testid="example-count">
        {report.usable.length.toLocaleString()} example{report.usable.length === 1 ? '' : 's'} ready for {report.task}
        {report.range && ` (${labelName} from ${report.range.min} to ${report.range.max})`}.
      </p>
      {report.counts.length > 0 && (
        <table className="text-sm">
          <caption className="text-left text-xs text-stone-500">Examples per {labelName}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">{labelName}</th>
              <th scope="col">Examples</th>
            </tr>
          </thead>
          <tbody>
            {report.counts.map((c) => (
              <tr key={c.label} data-testid="label-count">
                <th scope="row" className="pr-3 text-left font-mono font-medium">
                  {c.label}
                </th>
                <td className="font-mono">
                  {c.count}
                  {c.count < FEW_PER_LABEL && <span className="ml-2 text-amber-700 dark:text-amber-300">⚠ few</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* With no examples at all, the page's one next-step message already says to add some. */}
      {[...(empty ? [] : report.problems.map((m) => ['problem', m] as const)), ...report.warnings.map((m) => ['warning', m] as const)].map(([kind, m]) => (
        <p key={m} data-testid={`dataset-${kind}`} className={`rounded border p-1.5 ${kind === 'problem' ? 'border-red-300 bg-red-50 dark:bg-red-950' : 'border-amber-400 bg-amber-50 dark:bg-amber-950'}`}>
          {m}
        </p>
      ))}
    </div>
  );
}
