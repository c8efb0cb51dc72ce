import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import { formatMs, formatPercent } from '@/lib/format';
import type { DecoderStep } from './generation';

const CHART_WIDTH = 290;

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** One decoder step's most likely next tokens: a chart, and the same numbers as a table. */
export function StepCandidates({ step, index, chart }: { step: DecoderStep; index: number; chart: boolean }) {
  const data = step.top.map((c) => ({ token: c.token, percent: c.prob * 100 }));
  return (
    <section aria-labelledby="step-heading" data-testid="step-candidates" className="flex flex-col gap-1">
      <h4 id="step-heading" className="text-sm font-semibold">
        Step {index + 1}: the decoder&apos;s top {step.top.length} guesses ({formatMs(step.ms)})
      </h4>
      {/* A fixed size (it fits a 375 px screen): no resize observer re-rendering the chart. */}
      {chart && (
        <div aria-hidden="true">
          <BarChart accessibilityLayer={false} width={CHART_WIDTH} height={140} data={data} layout="vertical" margin={{ left: 4, right: 16, top: 4, bottom: 4 }}>
            <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="token" width={90} tick={{ fontSize: 11, fontFamily: 'monospace' }} />
            <Bar dataKey="percent" fill="#f59e0b" isAnimationActive={!reducedMotion()} />
          </BarChart>
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
