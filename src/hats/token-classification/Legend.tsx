import type { LegendEntry } from './colors';

/** Built from the model's own config: every label it can give, grouped by entity type. */
export function Legend({ legend, labels }: { legend: LegendEntry[]; labels: string[] }) {
  const hasOutside = labels.includes('O');
  return (
    <div className="text-xs">
      <h4 className="mb-1 font-semibold">Labels from this model&apos;s config ({labels.length})</h4>
      <ul data-testid="legend" className="flex flex-wrap gap-2">
        {legend.map((e) => (
          <li key={e.type} className={`rounded px-1.5 py-0.5 ring-1 ${e.className}`}>
            <strong>{e.type}</strong> <span className="font-mono">{e.labels.join(' ')}</span>
          </li>
        ))}
        {hasOutside && (
          <li className="rounded px-1.5 py-0.5 ring-1 ring-stone-300">
            <strong>O</strong> outside any entity (not highlighted)
          </li>
        )}
      </ul>
    </div>
  );
}
