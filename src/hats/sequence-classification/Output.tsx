import type { OutputProps } from '@/hats/types';
import { ProbabilityBars } from '@/components/ui/ProbabilityBars';
import type { SeqClsOutput } from './postprocess';
import type { SeqClsParams } from './params';

export default function Output({ output }: OutputProps<SeqClsParams, SeqClsOutput>) {
  const top = output.labels[0];
  return (
    <div className="flex flex-col gap-3">
      {top && (
        <p className="text-lg">
          Verdict: <strong data-testid="top-label">{top.label}</strong>
        </p>
      )}
      <ProbabilityBars
        caption={
          output.activation === 'softmax'
            ? 'Probability of each label (softmax over the logits: they sum to 100%)'
            : 'Probability of each label on its own (one sigmoid per label)'
        }
        items={output.labels.map((l) => ({ label: l.label, score: l.score, extra: l.logit.toFixed(2) }))}
        extraHeader="logit"
      />
    </div>
  );
}
