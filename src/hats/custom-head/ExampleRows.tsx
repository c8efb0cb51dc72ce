import { useState } from 'react';
import type { Example } from './types';

const PAGE = 50;
const input =
  'w-full rounded border border-stone-300 bg-white px-1 py-0.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 dark:border-stone-600 dark:bg-stone-900';

interface Props {
  examples: Example[];
  labelName: string;
  onUpdate: (index: number, example: Example) => void;
  onRemove: (index: number) => void;
}

/** The examples as an editable table, 50 rows at a time so thousands of rows stay quick. */
export function ExampleRows({ examples, labelName, onUpdate, onRemove }: Props) {
  const [shown, setShown] = useState(PAGE);
  if (examples.length === 0) return null;
  const rows = examples.slice(0, shown);
  return (
    <div className="max-h-96 overflow-auto rounded border border-stone-200 dark:border-stone-700">
      <table className="w-full text-sm" data-testid="example-rows">
        <caption className="sr-only">Your examples: text and {labelName}</caption>
        <thead className="sticky top-0 bg-stone-100 dark:bg-stone-800">
          <tr>
            <th scope="col" className="w-10 px-1 text-right font-normal text-stone-500">
              #
            </th>
            <th scope="col" className="px-1 text-left">
              Text
            </th>
            <th scope="col" className="w-32 px-1 text-left">
              {labelName}
            </th>
            <th scope="col" className="w-8">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e, i) => (
            <tr key={i} className="border-t border-stone-100 dark:border-stone-800">
              <td className="px-1 text-right font-mono text-xs text-stone-500">{i + 1}</td>
              <td className="px-1">
                <input aria-label={`Text of row ${i + 1}`} className={input} value={e.text} onChange={(ev) => onUpdate(i, { ...e, text: ev.target.value })} />
              </td>
              <td className="px-1">
                <input aria-label={`${labelName} of row ${i + 1}`} className={input} value={e.label} onChange={(ev) => onUpdate(i, { ...e, label: ev.target.value })} />
              </td>
              <td>
                <button type="button" className="rounded px-1 text-stone-500 hover:text-red-700 focus-visible:ring-2 focus-visible:ring-amber-500" aria-label={`Remove row ${i + 1}`} onClick={() => onRemove(i)}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {examples.length > shown && (
        <button type="button" className="btn m-2" onClick={() => setShown((n) => n + PAGE * 4)}>
          Show more rows ({(examples.length - shown).toLocaleString()} not shown)
        </button>
      )}
    </div>
  );
}
