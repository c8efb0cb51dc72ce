import type { OutputProps } from '@/hats/types';
import { ProbabilityBars } from '@/components/ui/ProbabilityBars';
import { formatPercent } from '@/lib/format';
import type { NspParams } from './params';
import type { NspOutput } from './verdict';

export default function Output({ output }: OutputProps<NspParams, NspOutput>) {
  const sure = Math.max(output.isNext, output.notNext);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-lg">
        Verdict: <strong data-testid="nsp-verdict">{output.label}</strong>{' '}
        <span className="text-sm text-stone-500">
          ({output.label === 'IsNext' ? 'B reads like the text that came right after A' : 'B reads like a span from somewhere else'},{' '}
          {formatPercent(sure)})
        </span>
      </p>
      <ProbabilityBars
        caption="P(IsNext) and P(NotNext): softmax over the two scores of cls.seq_relationship"
        items={[
          { label: 'IsNext', score: output.isNext, extra: output.logits[0].toFixed(2) },
          { label: 'NotNext', score: output.notNext, extra: output.logits[1].toFixed(2) },
        ]}
        extraHeader="score (logit)"
      />
      <p className="text-xs text-stone-500">
        The Tokens view below shows the pair as BERT read it: segment 0 is sentence A, segment 1 is sentence B.
      </p>
    </div>
  );
}
