import { formatPercent } from '@/lib/format';

export interface BarItem {
  label: string;
  score: number;
  extra?: string;
}

interface Props {
  caption: string;
  items: BarItem[];
  /** Names the number in the third column (it is shown, like every header: no number without a name). */
  extraHeader?: string;
  /** Names the first column; "Label" by default. */
  labelHeader?: string;
  onPick?: (item: BarItem) => void;
  pickLabel?: (item: BarItem) => string;
}

/** Labelled probability bars, drawn over a real table so screen readers read the numbers. */
export function ProbabilityBars({ caption, items, extraHeader, labelHeader = 'Label', onPick, pickLabel }: Props) {
  return (
    <table className="w-full border-separate border-spacing-y-1 text-sm">
      <caption className="mb-1 text-left text-xs text-stone-500">{caption}</caption>
      <thead className="text-left text-xs text-stone-600 dark:text-stone-400">
        <tr>
          <th scope="col" className="pr-2 font-medium">
            {labelHeader}
          </th>
          <th scope="col" className="font-medium">
            Probability
          </th>
          {extraHeader && (
            <th scope="col" className="pl-2 text-right font-medium whitespace-nowrap">
              {extraHeader}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.label} data-testid="bar-row">
            <th scope="row" className="w-40 max-w-60 pr-2 text-left font-mono font-medium break-words">
              {onPick ? (
                <button
                  type="button"
                  onClick={() => onPick(item)}
                  aria-label={pickLabel?.(item)}
                  className="rounded px-1 underline decoration-dotted hover:bg-amber-100 focus-visible:ring-2 focus-visible:ring-amber-500 dark:hover:bg-stone-700"
                >
                  {item.label}
                </button>
              ) : (
                item.label
              )}
            </th>
            <td className="w-full">
              <div className="relative h-6 rounded bg-stone-200 dark:bg-stone-700">
                <div
                  className="absolute inset-y-0 left-0 rounded bg-amber-500 transition-[width] motion-reduce:transition-none"
                  style={{ width: `${Math.max(0.5, item.score * 100)}%` }}
                />
                <span className="absolute inset-y-0 right-2 flex items-center font-mono text-xs">{formatPercent(item.score)}</span>
              </div>
            </td>
            {extraHeader && <td className="pl-2 text-right font-mono text-xs text-stone-500">{item.extra}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
