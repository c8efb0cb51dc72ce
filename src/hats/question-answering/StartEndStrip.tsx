import { formatPercent } from '@/lib/format';
import type { QaOutput } from './postprocess';

interface Props {
  output: QaOutput;
  window: number;
  onWindow: (window: number) => void;
}

interface Cell {
  token: string;
  start: number;
  end: number;
  inAnswer: boolean;
}

function cells(output: QaOutput, window: number): Cell[] {
  const view = output.windows[window];
  if (!view) return [];
  const best = output.answers[0];
  const rows: Cell[] = view.pStart.map((start, i) => {
    const t = output.tokens[view.first + i];
    return { token: t?.token ?? '?', start, end: view.pEnd[i] ?? 0, inAnswer: !!t && !!best && t.start >= best.start && t.end <= best.end };
  });
  if (view.nullStart !== undefined) rows.unshift({ token: '[no answer]', start: view.nullStart, end: view.nullEnd ?? 0, inAnswer: false });
  return rows;
}

const bar = (p: number) => ({ height: `${Math.max(2, p * 100)}%` });

/** Start and end probability of every context token: bars for the eye, a table for screen readers. */
export function StartEndStrip({ output, window, onWindow }: Props) {
  const rows = cells(output, window);
  const caption = `Start and end probability of each context token${output.windows.length > 1 ? ` in window ${window + 1}` : ''}`;
  return (
    <section aria-label="Start and end probabilities" className="flex flex-col gap-2">
      {output.windows.length > 1 && (
        <div role="group" aria-label="Window" className="flex flex-wrap gap-1 text-xs">
          {output.windows.map((_, i) => (
            <button key={i} type="button" aria-pressed={i === window} onClick={() => onWindow(i)} className="btn px-2 py-0.5 aria-pressed:bg-amber-200 dark:aria-pressed:bg-amber-800">
              Window {i + 1}
            </button>
          ))}
        </div>
      )}
      <p className="text-xs text-stone-500">
        <span className="mr-1 inline-block size-2 bg-emerald-600" aria-hidden="true" />
        answer starts here · <span className="mx-1 inline-block size-2 bg-sky-600" aria-hidden="true" />
        answer ends here
      </p>
      <div aria-hidden="true" data-testid="start-end-strip" className="flex max-h-64 flex-wrap gap-x-1 gap-y-2 overflow-y-auto">
        {rows.map((c, i) => (
          <div key={i} title={`${c.token}: start ${formatPercent(c.start)}, end ${formatPercent(c.end)}`} className={`flex flex-col items-center rounded px-0.5 ${c.inAnswer ? 'bg-amber-100 dark:bg-amber-900/50' : ''}`}>
            <div className="flex h-8 items-end gap-px">
              <div className="w-1.5 bg-emerald-600" style={bar(c.start)} />
              <div className="w-1.5 bg-sky-600" style={bar(c.end)} />
            </div>
            <span className="font-mono text-[10px]">{c.token}</span>
          </div>
        ))}
      </div>
      {/* sr-only on the table itself would not clip it (tables ignore overflow): its cells widened the page on phones. */}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Start probability</th>
              <th scope="col">End probability</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c.token}</th>
                <td>{formatPercent(c.start)}</td>
                <td>{formatPercent(c.end)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
