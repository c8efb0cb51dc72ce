import type { OutputProps } from '@/hats/types';
import { ProbabilityBars } from '@/components/ui/ProbabilityBars';
import type { MaskedLmParams } from './params';
import { displayToken, fillMask, type MaskedLmOutput } from './postprocess';

export default function Output({ params, output, onChange }: OutputProps<MaskedLmParams, MaskedLmOutput>) {
  return (
    <div className="flex flex-col gap-4">
      <p className="text-xs text-stone-500">Click a guess to write it into the text.</p>
      {output.masks.map((mask, n) => (
        <section key={mask.position} aria-label={`Mask ${n + 1}`} data-testid="mask-predictions">
          <h4 className="mb-1 text-sm font-semibold">
            Mask {n + 1} of {output.masks.length}{' '}
            <span className="font-normal text-stone-500">(token {mask.position})</span>
          </h4>
          <ProbabilityBars
            caption={`Top ${mask.predictions.length} guesses for ${output.maskToken} number ${n + 1}`}
            items={mask.predictions.map((p) => ({ label: p.token, score: p.score, extra: String(p.id) }))}
            extraHeader="token id"
            onPick={(item) => onChange({ ...params, text: fillMask(params.text, output.maskToken, n, item.label) })}
            pickLabel={(item) => `Fill mask ${n + 1} with “${displayToken(item.label).text}”`}
          />
        </section>
      ))}
    </div>
  );
}
