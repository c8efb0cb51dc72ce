import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '@/lib/format';
import type { GenStep } from './output';
import { visibleToken } from './token-text';

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

interface Props {
  step: GenStep;
  index: number;
  greedy: boolean;
}

/** The selected step's candidates: probability from the raw logits vs after temperature, top-k and top-p. */
export function StepChart({ step, index, greedy }: Props) {
  const data = step.candidates.map((c) => ({
    token: visibleToken(c.text),
    raw: c.raw * 100,
    final: c.final * 100,
    chosen: c.id === step.id,
  }));
  const caption = `Step ${index + 1}: the model chose ${step.end ? 'the end-of-text token' : `“${visibleToken(step.text)}”`}. ${
    greedy ? 'Greedy decoding takes the most likely token, so all the probability goes to it.' : `${step.kept} token${step.kept === 1 ? ' was' : 's were'} left to sample from after the filters.`
  }`;
  return (
    <figure data-testid="step-chart" data-step={index + 1} className="flex flex-col gap-2">
      <figcaption className="text-sm">{caption}</figcaption>
      <div className="h-72 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="token" width={90} tick={{ fontSize: 11, fontFamily: 'monospace' }} interval={0} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="raw" name="raw softmax" fill="#a8a29e" isAnimationActive={!reducedMotion()} />
            <Bar dataKey="final" name="after filters (sampled from)" fill="#f59e0b" isAnimationActive={!reducedMotion()} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary className="cursor-pointer text-sm">Table of this step&apos;s candidates</summary>
        <table data-testid="step-table" className="mt-1 w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">token</th>
              <th scope="col">id</th>
              <th scope="col">raw</th>
              <th scope="col">after filters</th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {step.candidates.map((c) => (
              <tr key={c.id} data-testid="candidate-row" className={c.id === step.id ? 'font-bold' : ''}>
                <th scope="row" className="font-normal">
                  {visibleToken(c.text)}
                  {c.id === step.id && <span className="sr-only"> (chosen)</span>}
                </th>
                <td>{c.id}</td>
                <td>{formatPercent(c.raw)}</td>
                <td>{formatPercent(c.final)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
