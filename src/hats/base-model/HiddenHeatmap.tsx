import { useMemo } from 'react';
import { HeatCanvas, HeatLegend } from './HeatCanvas';
import { heatLimit } from './heat-scale';
import type { SentenceVectors } from './postprocess';
import { fixed, summarizeRow } from './summary';

/** last_hidden_state of one sentence: a row per token, a column per dimension. */
export function HiddenHeatmap({ sentence }: { sentence: SentenceVectors }) {
  const { hidden, tokens } = sentence;
  const limit = useMemo(() => heatLimit(hidden.data), [hidden]);
  const clipped = useMemo(() => hidden.data.some((v) => Math.abs(v) > limit), [hidden, limit]);
  const summaries = useMemo(() => tokens.map((_, i) => summarizeRow(hidden, i)), [hidden, tokens]);
  return (
    <section aria-labelledby="bm-heatmap" className="flex flex-col gap-2" data-testid="hidden-heatmap">
      <h4 id="bm-heatmap" className="text-sm font-semibold">
        Last hidden state: {tokens.length} tokens × {hidden.cols} dimensions
      </h4>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        Each row is one token&apos;s vector. No single column means anything on its own: meaning lives in the pattern.
        A column that is strongly coloured in every row is one of the model&apos;s &quot;outlier&quot; dimensions.
      </p>
      <HeatLegend limit={limit} clipped={clipped} />
      <HeatCanvas
        m={hidden}
        limit={limit}
        rowLabels={tokens}
        rowTestId="heatmap-row"
        label={`Heatmap of ${tokens.length} token vectors with ${hidden.cols} numbers each. The table below summarises each row.`}
        describe={(r, c, v) => `${tokens[r]} · dimension ${c}: ${fixed(v)}`}
      />
      <details className="text-xs">
        <summary className="cursor-pointer">The heatmap as a table (one line per token)</summary>
        <table className="mt-1 w-full text-left font-mono">
          <thead>
            <tr>
              <th scope="col">token</th>
              <th scope="col">length</th>
              <th scope="col">mean</th>
              <th scope="col">largest (dimension)</th>
              <th scope="col">smallest (dimension)</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((s, i) => (
              <tr key={i}>
                <th scope="row" className="font-normal">{tokens[i]}</th>
                <td>{fixed(s.norm, 2)}</td>
                <td>{fixed(s.mean)}</td>
                <td>
                  {fixed(s.max.value, 2)} ({s.max.dim})
                </td>
                <td>
                  {fixed(s.min.value, 2)} ({s.min.dim})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
