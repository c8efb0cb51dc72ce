import { ProbabilityBars } from '@/components/ui/ProbabilityBars';
import { formatPercent } from '@/lib/format';
import type { OutputProps } from '@/hats/types';
import { Equation } from './Equation';
import { readHeadParam } from './head-codec';
import type { CustomHeadParams } from './params';
import type { Prediction, TrainPayload, TrainReport } from './types';
import { WeightHeatmap } from './WeightHeatmap';

export default function Output({ params, output }: OutputProps<CustomHeadParams, Prediction, TrainPayload, TrainReport>) {
  const { head } = readHeadParam(params.head);
  if (output.kind !== 'predict' || !head) return null;
  const cls = output.task === 'classification';
  const best = cls ? output.probabilities.indexOf(Math.max(...output.probabilities)) : 0;
  const [first, second] = head.layers;
  return (
    <div className="flex flex-col gap-4" data-testid="custom-head-output">
      {cls ? (
        <>
          <p className="text-lg">
            Prediction:{' '}
            <strong data-testid="prediction" className="font-mono">
              {output.labels[best]}
            </strong>{' '}
            <span className="text-sm text-stone-500">({formatPercent(output.probabilities[best] ?? 0)})</span>
          </p>
          <ProbabilityBars caption="Probability per label: the softmax of the head's scores" items={output.labels.map((label, k) => ({ label, score: output.probabilities[k] ?? 0 }))} />
        </>
      ) : (
        <p className="text-lg">
          Predicted {output.labels[0]}:{' '}
          <strong data-testid="prediction" className="font-mono">
            {(output.z[0] ?? 0).toFixed(2)}
          </strong>
        </p>
      )}
      <section aria-labelledby="head-view-title" className="flex flex-col gap-2">
        <h4 id="head-view-title" className="font-semibold">
          Inside the head
        </h4>
        <p className="font-mono text-sm" data-testid="head-shape">
          {second && first
            ? `W₁: [${first.outSize}, ${first.inSize}], b₁: [${first.outSize}], W₂: [${second.outSize}, ${second.inSize}], b₂: [${second.outSize}]`
            : first && `W: [${first.outSize}, ${first.inSize}], b: [${first.outSize}]`}
        </p>
        {first && <WeightHeatmap layer={first} name={second ? 'W₁' : 'W'} rowLabels={second ? Array.from({ length: first.outSize }, (_, i) => `a${i}`) : head.labels} />}
        {second && <WeightHeatmap layer={second} name="W₂" rowLabels={head.labels} />}
        <Equation head={head} prediction={output} />
      </section>
    </div>
  );
}
