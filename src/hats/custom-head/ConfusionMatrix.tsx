import type { ClassificationEval } from './types';

/** Rows are the true labels, columns the predicted ones; the diagonal is what the head got right. */
export function ConfusionMatrix({ evaluation }: { evaluation: ClassificationEval }) {
  const { labels, confusion } = evaluation;
  const max = Math.max(1, ...confusion.flat());
  return (
    <div className="overflow-x-auto">
      <table className="text-sm" data-testid="confusion-matrix">
        <caption className="text-left text-xs text-stone-500">Confusion matrix: rows are the true label, columns the head&apos;s answer</caption>
        <thead>
          <tr>
            <td />
            {labels.map((l) => (
              <th key={l} scope="col" className="px-2 font-mono text-xs font-medium">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, t) => (
            <tr key={labels[t]}>
              <th scope="row" className="pr-2 text-right font-mono text-xs font-medium">
                {labels[t]}
              </th>
              {row.map((n, p) => (
                <td
                  key={labels[p]}
                  className={`min-w-10 border border-stone-200 px-2 py-1 text-center font-mono dark:border-stone-700 ${n / max > 0.5 ? 'text-white' : ''}`}
                  style={{ background: n === 0 ? undefined : `rgba(${t === p ? '22, 163, 74' : '220, 38, 38'}, ${0.15 + 0.85 * (n / max)})` }}
                >
                  {n}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
