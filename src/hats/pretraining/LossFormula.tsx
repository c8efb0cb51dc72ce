import type { PretrainingOutput } from './output';

const f = (x: number) => x.toFixed(3);

/** The loss BERT's pretraining lowers, written out with this example's numbers. */
export function LossFormula({ output, vocabSize }: { output: PretrainingOutput; vocabSize?: number }) {
  const { losses, masks, nsp, relation } = output;
  const terms = losses.mlmTerms.map((t) => ({ ...t, truth: masks[t.mask]?.truth }));
  const m = terms.length;
  const nspProb = relation === 'true' ? nsp.isNext : nsp.notNext;
  return (
    <div className="flex flex-col gap-2 font-mono text-xs leading-relaxed" data-testid="loss-formula">
      {losses.mlm !== undefined ? (
        <p>
          L<sub>MLM</sub> = (1/{m}) · Σ −log p(true token)
          <br />= ({terms.map((t, i) => `${i ? ' ' : ''}−log p(${t.truth?.token ?? '?'})`).join(' +')}) / {m}
          <br />= ({terms.map((t) => `−log ${f(t.truth?.prob ?? 0)}`).join(' + ')}) / {m}
          <br />= ({terms.map((t) => f(t.loss)).join(' + ')}) / {m} = <strong data-testid="loss-mlm">{f(losses.mlm)}</strong>
        </p>
      ) : (
        <p className="font-sans text-stone-500">Give the true token for at least one mask to see the masked-LM loss.</p>
      )}
      {losses.nsp !== undefined ? (
        <p>
          L<sub>NSP</sub> = −log P({relation === 'true' ? 'IsNext' : 'NotNext'}) = −log {f(nspProb)} ={' '}
          <strong data-testid="loss-nsp">{f(losses.nsp)}</strong>
        </p>
      ) : (
        <p className="font-sans text-stone-500">Say whether B really follows A to see the next-sentence loss.</p>
      )}
      {losses.total !== undefined && losses.mlm !== undefined && losses.nsp !== undefined && (
        <p className="text-sm">
          L = L<sub>MLM</sub> + L<sub>NSP</sub> = {f(losses.mlm)} + {f(losses.nsp)} = <strong data-testid="loss-total">{f(losses.total)}</strong>
        </p>
      )}
      <p className="font-sans text-stone-500">
        Pretraining nudges every weight to make L smaller on millions of such examples; 0 would mean being sure of every answer.
        {vocabSize !== undefined &&
          ` Guessing evenly among all ${vocabSize.toLocaleString()} words would cost log ${vocabSize} = ${f(Math.log(vocabSize))} per mask; guessing IsNext or NotNext by coin flip, log 2 = ${f(Math.log(2))}.`}
      </p>
    </div>
  );
}
