import { useState } from 'react';
import { formatPercent } from '@/lib/format';
import { encodeHeadLink, fitProblem, HEAD_FILE_MAX, HEAD_LINK_MAX, headFromFile, headToFile, HeadFormatError } from './head-codec';
import { headTooBigForLink } from './params';
import type { Head } from './types';

interface Props {
  head?: Head;
  /** The link value of the head the page wears. */
  value: string;
  onHead: (value: string) => void;
  modelId: string;
  hiddenSize?: number;
}

function fileName(head: Head): string {
  const slug = head.labels.join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '').slice(0, 40) || 'head';
  return `custom-head-${head.task}-${slug}.json`;
}

/** The head the page wears: what it is, export, import, and whether the share link can carry it. */
export function HeadFile({ head, value, onHead, modelId, hiddenSize }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);

  function exportHead() {
    if (!head) return;
    const url = URL.createObjectURL(new Blob([headToFile(head)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: fileName(head) });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function importHead(file: File | undefined) {
    if (!file) return;
    setProblem(null);
    setImported(null);
    try {
      if (file.size > HEAD_FILE_MAX) throw new HeadFormatError(`The file is ${(file.size / 1e6).toFixed(1)} MB; a head file is at most ${HEAD_FILE_MAX / 1e6} MB.`);
      const next = headFromFile(await file.text());
      const misfit = fitProblem(next, hiddenSize, modelId);
      if (misfit) throw new HeadFormatError(misfit);
      onHead(encodeHeadLink(next));
      setImported(file.name);
    } catch (error) {
      setProblem(`${file.name} was not imported: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <section aria-labelledby="head-file-title" className="flex flex-col gap-2 rounded-lg border border-stone-200 p-2 dark:border-stone-700" data-testid="head-file">
      <h3 id="head-file-title" className="text-sm font-semibold">
        The head you are wearing
      </h3>
      <p className="text-sm" data-testid="head-status">
        {head
          ? `A ${head.task} head (${head.layers.length === 2 ? 'one hidden layer' : 'linear'}) for ${head.task === 'classification' ? `${head.labels.length} labels: ${head.labels.join(', ')}` : head.labels[0]}, trained on ${head.encoder.model}` +
            (head.metrics?.accuracy !== undefined ? `; held-out accuracy ${formatPercent(head.metrics.accuracy)}` : '') +
            (head.metrics?.mae !== undefined ? `; held-out MAE ${head.metrics.mae.toFixed(2)}` : '') +
            '.'
          : 'No head yet: train one below, or import a head file.'}
      </p>
      {head && head.encoder.model !== modelId && (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          It was trained on {head.encoder.model} but is now worn on {modelId}. The sizes match, but the numbers mean different things to another encoder: switch back, or train again here.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn" disabled={!head} onClick={exportHead}>
          Export head (JSON)
        </button>
        <label className="btn cursor-pointer focus-within:ring-2 focus-within:ring-amber-500">
          Import a head file…
          <input type="file" accept=".json,application/json" className="sr-only" onChange={(e) => void importHead(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
        </label>
      </div>
      {imported && <p role="status" className="text-sm">Imported {imported}.</p>}
      {problem && (
        <p role="alert" data-testid="head-import-error" className="rounded border border-red-300 bg-red-50 p-2 text-sm dark:bg-red-950">
          {problem}
        </p>
      )}
      {value && headTooBigForLink(value) && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="head-link-note">
          This head is {value.length.toLocaleString()} characters long once compressed, more than the {HEAD_LINK_MAX.toLocaleString()} a share link carries, so the Share link leaves it out. Send the exported file instead (a linear head on a 384-number encoder fits in a link).
        </p>
      )}
    </section>
  );
}
