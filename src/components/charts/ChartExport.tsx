import { useState, type RefObject } from 'react';
import { download, fileName, svgToPng, tableToCsv, type ExportTable } from '@/lib/export';

interface Props {
  svg: RefObject<SVGSVGElement | null>;
  /** What the chart shows, in words: the buttons' names and the files'. */
  name: string;
  /** The chart's numbers, read when the table is saved. */
  table: () => ExportTable;
}

const small = 'rounded border border-stone-300 px-1.5 py-0.5 text-xs hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800';

/** Take it with you: the drawing as a PNG, its numbers as a CSV. */
export function ChartExport({ svg, name, table }: Props) {
  const [problem, setProblem] = useState('');
  const savePng = async () => {
    if (!svg.current) return;
    try {
      setProblem('');
      download(await svgToPng(svg.current), fileName(name, 'png'));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="chart-export">
      <span className="text-xs text-stone-600 dark:text-stone-400">Save:</span>
      <button type="button" className={small} aria-label={`Save ${name} as PNG`} onClick={() => void savePng()}>
        PNG
      </button>
      <button
        type="button"
        className={small}
        aria-label={`Save the numbers of ${name} as CSV`}
        onClick={() => download(new Blob([tableToCsv(table())], { type: 'text/csv;charset=utf-8' }), fileName(name, 'csv'))}
      >
        CSV
      </button>
      {problem && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </span>
      )}
    </div>
  );
}
