import type { OutputProps } from '@/hats/types';
import { ProbabilityBars } from '@/components/ui/ProbabilityBars';
import { formatPercent } from '@/lib/format';
import { LossFormula } from './LossFormula';
import type { PretrainingOutput } from './output';
import type { PretrainingParams } from './params';

export default function Output({ output, facts }: OutputProps<PretrainingParams, PretrainingOutput>) {
  const { nsp } = output;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-label="Masked words (MLM head)" className="flex flex-col gap-3">
          <h4 className="text-sm font-semibold">Masked words: cls.predictions</h4>
          {output.masks.map((m, n) => (
            <div key={m.position} data-testid="mlm-mask">
              <p className="text-sm">
                Mask {n + 1} <span className="text-stone-500">(sentence {m.sentence}, token {m.position})</span>: best guess{' '}
                <strong data-testid="mlm-top">{m.top[0]?.token}</strong>
              </p>
              <ProbabilityBars caption={`Top ${m.top.length} guesses for mask ${n + 1}`} items={m.top.map((t) => ({ label: t.token, score: t.score }))} />
              {m.truth && (
                <p className="text-xs" data-testid="mlm-truth">
                  True token “{m.truth.token}”: p = {formatPercent(m.truth.prob)}, rank {m.truth.rank}
                </p>
              )}
            </div>
          ))}
        </section>
        <section aria-label="Next sentence (NSP head)" className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">Next sentence: cls.seq_relationship</h4>
          <p className="text-sm">
            Verdict: <strong data-testid="nsp-verdict">{nsp.isNext >= nsp.notNext ? 'IsNext' : 'NotNext'}</strong>
          </p>
          <ProbabilityBars
            caption="Does B follow A? Softmax over the two scores"
            items={[
              { label: 'IsNext', score: nsp.isNext, extra: nsp.logits[0].toFixed(2) },
              { label: 'NotNext', score: nsp.notNext, extra: nsp.logits[1].toFixed(2) },
            ]}
            extraHeader="score (logit)"
          />
        </section>
      </div>
      {output.labelNotes.length > 0 && (
        <ul role="status" data-testid="label-notes" className="rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm dark:bg-amber-950">
          {output.labelNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <section aria-label="Pretraining loss" className="flex flex-col gap-1">
        <h4 className="text-sm font-semibold">The loss pretraining lowers</h4>
        <LossFormula output={output} vocabSize={facts?.vocabSize} />
      </section>
    </div>
  );
}
