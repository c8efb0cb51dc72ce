import { BarChart } from '@/components/charts/BarChart';
import { formatPercent } from '@/lib/format';
import type { GenStep } from './output';
import { visibleToken } from './token-text';

interface Props {
  step: GenStep;
  index: number;
  greedy: boolean;
}

/** The selected step's candidates: probability from the raw logits vs after temperature, top-k and top-p. */
export function StepChart({ step, index, greedy }: Props) {
  const caption = `Step ${index + 1}: the model chose ${step.end ? 'the end-of-text token' : `“${visibleToken(step.text)}”`}. ${
    greedy ? 'Greedy decoding takes the most likely token, so all the probability goes to it.' : `${step.kept} token${step.kept === 1 ? ' was' : 's were'} left to sample from after the filters.`
  }`;
  return (
    <figure data-testid="step-chart" data-step={index + 1} className="flex flex-col gap-2">
      <figcaption className="text-sm">{caption}</figcaption>
      <BarChart
        categories={step.candidates.map((c) => visibleToken(c.text))}
        series={[
          { name: 'raw softmax', color: '#a8a29e', values: step.candidates.map((c) => c.raw * 100) },
          { name: 'after filters (sampled from)', color: '#f59e0b', values: step.candidates.map((c) => c.final * 100) },
        ]}
        max={100}
        unit="%"
        width={420}
        name={`candidates for step ${index + 1}`}
      />
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
