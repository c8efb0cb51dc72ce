import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { useId, useState } from 'react';
import { MIRROR_SUGGESTED_TUNED } from '@/lib/mirror/params';
import { driftSentence } from '@/lib/mirror/drift';
import { formatBytes } from '@/lib/format';
import { DriftGrid } from './DriftGrid';
import type { DriftState } from './use-drift';

interface Props {
  model: string;
  tuned: string;
  drift: DriftState;
  onTuned: (tuned: string) => void;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.001 ? 3 : 2)}%`;
const layerName = (layer: number) => (layer < 0 ? 'embeddings' : `layer ${layer + 1}`);

/** How far fine-tuning moved the body: one number per module, ‖W_ft − W_base‖ / ‖W_base‖. */
export function DriftPanel({ model, tuned, drift, onTuned }: Props) {
  const [draft, setDraft] = useState(tuned || (model === MIRROR_SUGGESTED_TUNED ? '' : MIRROR_SUGGESTED_TUNED));
  const id = useId();
  const report = drift.report;
  return (
    <section className="panel flex flex-col gap-3" aria-labelledby={`${id}-title`} data-testid="mirror-drift" data-status={drift.phase}>
      <h3 id={`${id}-title`} className="font-semibold">
        How far did fine-tuning move the body?
      </h3>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) onTuned(draft.trim());
        }}
      >
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium text-stone-700 dark:text-stone-300">
            A fine-tuned checkpoint of this body
          </label>
          <input id={id} value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} className="w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-stone-600 dark:bg-stone-900" />
        </div>
        <button type="submit" className="btn">
          Measure the drift
        </button>
      </form>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Only the body&apos;s tensors of both checkpoints are read, one module at a time, with Range requests; the fine-tuned head itself is never fetched.
      </p>
      {drift.phase === 'running' && (
        <p role="status" className="text-sm">
          Comparing… {report ? `${formatBytes(report.bytesRead)} of ${formatBytes(report.totalBytes)} read` : 'reading the headers'}
        </p>
      )}
      {drift.error && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-2 text-sm dark:bg-red-950">
          {drift.error.message}
        </p>
      )}
      {report && report.rows.length > 0 && (
        <>
          {drift.phase === 'ready' && (
            <p data-testid="mirror-drift-sentence" className="font-medium">
              {driftSentence(report.rows, report.tuned)}
            </p>
          )}
          <DriftGrid rows={report.rows} />
          <ScrollRegion label="Drift of every part of the body" maxHeight="max-h-72">
            <table className="w-full text-left text-sm [&_td]:px-1.5 [&_th]:px-1.5" data-testid="mirror-drift-table">
              <caption className="sr-only">Relative change of each part of the body, {report.tuned} against {report.base}</caption>
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Part</th>
                  <th scope="col" className="text-right">
                    ‖W_ft − W_base‖ / ‖W_base‖
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={`${r.layer}-${r.kind}`} data-layer={r.layer < 0 ? 'embeddings' : r.layer + 1} data-kind={r.kind} data-relative={r.relative}>
                    <td>{layerName(r.layer)}</td>
                    <th scope="row" className="font-normal">
                      {r.kind}
                    </th>
                    <td className="text-right font-mono">{pct(r.relative)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
