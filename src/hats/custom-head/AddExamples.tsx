import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { parseTable, type LineProblem } from './data/csv';
import type { Example } from './types';

const MAX_FILE_BYTES = 5_000_000;
const field =
  'rounded-lg border border-stone-300 bg-white p-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 dark:border-stone-600 dark:bg-stone-900';

interface Props {
  labelName: string;
  onAdd: (examples: Example[], labelName?: string) => void;
}

/** Three ways in: one row by hand, a pasted CSV/TSV table, or a dropped or picked file. */
export function AddExamples({ labelName, onAdd }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [label, setLabel] = useState('');
  const [table, setTable] = useState('');
  const [note, setNote] = useState<{ added: number; problems: LineProblem[]; source: string } | null>(null);
  const [dragging, setDragging] = useState(false);

  function addOne(e: FormEvent) {
    e.preventDefault();
    if (!text.trim() || !label.trim()) return;
    onAdd([{ text: text.trim(), label: label.trim() }]);
    setText('');
  }

  function addTable(input: string, source: string) {
    const parsed = parseTable(input);
    onAdd(parsed.examples, parsed.labelName);
    setNote({ added: parsed.examples.length, problems: parsed.problems, source });
  }

  async function addFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setNote({ added: 0, problems: [{ line: 0, message: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; files of up to ${MAX_FILE_BYTES / 1e6} MB are read.` }], source: file.name });
      return;
    }
    addTable(await file.text(), file.name);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void addFile(e.dataTransfer.files[0]);
  }

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={addOne} className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-48 flex-[3] flex-col text-sm">
          New example: text
          <input className={field} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="flex min-w-24 flex-1 flex-col text-sm">
          {labelName === 'label' ? 'Label' : `Label (${labelName})`}
          <input className={field} value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={!text.trim() || !label.trim()}>
          Add row
        </button>
      </form>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col gap-2 rounded-lg border-2 border-dashed p-2 ${dragging ? 'border-amber-500 bg-amber-50 dark:bg-amber-950' : 'border-stone-300 dark:border-stone-600'}`}
      >
        <label htmlFor={`${id}-table`} className="text-sm font-medium">
          Paste CSV or TSV (text, then label; a header row is fine), or drop a file here
        </label>
        <textarea id={`${id}-table`} rows={3} className={`${field} font-mono`} value={table} onChange={(e) => setTable(e.target.value)} placeholder={'text,label\nI nap in the sun,sleepy'} />
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className="btn"
            disabled={!table.trim()}
            onClick={() => {
              addTable(table, 'the pasted table');
              setTable('');
            }}
          >
            Add pasted rows
          </button>
          <label className="btn cursor-pointer focus-within:ring-2 focus-within:ring-amber-500">
            Choose a file…
            <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" className="sr-only" onChange={(e) => void addFile(e.target.files?.[0])} />
          </label>
        </div>
      </div>
      {note && (
        <div role="status" data-testid="table-report" className="text-sm">
          <p>
            Added {note.added.toLocaleString()} row{note.added === 1 ? '' : 's'} from {note.source}.
            {note.problems.length > 0 && ` ${note.problems.length} line${note.problems.length === 1 ? ' was' : 's were'} left out:`}
          </p>
          {note.problems.length > 0 && (
            <ul className="ml-5 list-disc text-amber-800 dark:text-amber-300">
              {note.problems.slice(0, 10).map((p) => (
                <li key={`${p.line}-${p.message}`}>{p.line > 0 ? `Line ${p.line}: ${p.message}` : p.message}</li>
              ))}
              {note.problems.length > 10 && <li>… and {note.problems.length - 10} more.</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
