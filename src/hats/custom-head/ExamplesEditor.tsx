import { AddExamples } from './AddExamples';
import type { DatasetReport } from './data/dataset';
import { examplesToCsv } from './data/storage';
import { DatasetSummary } from './DatasetSummary';
import { ExampleRows } from './ExampleRows';
import { SAMPLE_SETS } from './samples';
import type { WorkbenchApi } from './use-workbench';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The person's examples: sample sets, rows, paste, files; kept in this browser until cleared. */
export function ExamplesEditor({ bench, report }: { bench: WorkbenchApi; report: DatasetReport }) {
  const { wb } = bench;
  return (
    <section aria-labelledby="examples-title" className="flex flex-col gap-3">
      <h3 id="examples-title" className="font-semibold">
        1. Your examples
      </h3>
      <div className="flex flex-wrap gap-2">
        {SAMPLE_SETS.map((set) => (
          <button key={set.id} type="button" className="btn" onClick={() => bench.loadSample(set)}>
            Load sample: {set.title}
          </button>
        ))}
      </div>
      <AddExamples labelName={wb.labelName} onAdd={bench.add} />
      <ExampleRows examples={wb.examples} labelName={wb.labelName} onUpdate={bench.update} onRemove={bench.remove} />
      <DatasetSummary report={report} labelName={wb.labelName} empty={wb.examples.length === 0} />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className="btn" disabled={!wb.examples.length} onClick={() => download('custom-head-examples.csv', examplesToCsv(wb.examples, wb.labelName), 'text/csv')}>
          Save examples as CSV
        </button>
        <button type="button" className="btn" disabled={!wb.examples.length} onClick={bench.clear}>
          Clear all examples
        </button>
        {bench.previous && (
          <button type="button" className="btn" onClick={bench.undo}>
            Undo: bring back {bench.previous.examples.length.toLocaleString()} earlier examples
          </button>
        )}
        <span className="text-xs text-stone-500">{bench.storageProblem ?? 'Kept in this browser until you clear them.'}</span>
      </div>
    </section>
  );
}
