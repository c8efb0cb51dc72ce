import { BarChart } from '@/components/charts/BarChart';
import { formatMs, formatPercent } from '@/lib/format';
import type { DecoderStep } from './generation';

/** One decoder step's most likely next tokens: a chart, and the same numbers as a table. */
export function StepCandidates({ step, index, chart }: { step: DecoderStep; index: number; chart: boolean }) {
  return (
    <section aria-labelledby="step-heading" data-testid="step-candidates" className="flex flex-col gap-1">
      <h4 id="step-heading" className="text-sm font-semibold">
        Step {index + 1}: the decoder&apos;s top {step.top.length} guesses ({formatMs(step.ms)})
      </h4>
      {chart && (
        <div className="max-w-xs">
          <BarChart categories={step.top.map((c) => c.token)} series={[{ name: 'probability', color: '#f59e0b', values: step.top.map((c) => c.prob * 100) }]} max={100} unit="%" width={290} name={`candidates for step ${index + 1}`} />
        </div>
      )}
      <details open={!chart}>
        <summary className="cursor-pointer text-xs text-stone-600 dark:text-stone-400">The numbers as a table</summary>
        <table className="mt-1 text-xs">
          <caption className="sr-only">Top candidates at step {index + 1}</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-3 text-left">Token</th>
              <th scope="col" className="pr-3 text-right">id</th>
              <th scope="col" className="text-right">Probability</th>
            </tr>
          </thead>
          <tbody>
            {step.top.map((c) => (
              <tr key={c.id} data-testid="candidate-row" className={c.id === step.id ? 'font-semibold' : ''}>
                <td className="pr-3 font-mono">{c.token}</td>
                <td className="pr-3 text-right font-mono">{c.id}</td>
                <td className="text-right font-mono">{formatPercent(c.prob)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
