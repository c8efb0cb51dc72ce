import { useState } from 'react';
import type { OutputProps } from '@/hats/types';
import { formatMs } from '@/lib/format';
import { DecoderSteps } from './DecoderSteps';
import { EncoderTokens } from './EncoderTokens';
import type { Seq2SeqOutput } from './generation';
import type { Seq2SeqParams } from './params';
import { StepCandidates } from './StepCandidates';

function finishLine(out: Seq2SeqOutput, stopped: boolean): string {
  if (stopped || out.finish === 'stopped') return 'Stopped: the text written so far is kept.';
  if (out.finish === 'eos') return 'Finished: the decoder wrote the end-of-sequence token.';
  if (out.finish === 'length') return `Cut off at ${out.maxNewTokens} new tokens (the limit); raise “Max new tokens” for more.`;
  return 'Writing…';
}

export default function Output({ output, running, stopped }: OutputProps<Seq2SeqParams, Seq2SeqOutput>) {
  const [picked, setPicked] = useState<number | null>(null);
  const n = output.steps.length;
  // Follow the newest step until the person picks one.
  const selected = picked !== null && picked < n ? picked : n - 1;
  const step = output.steps[selected];
  const perSecond = output.generateMs > 0 && n > 0 ? (n / output.generateMs) * 1000 : 0;
  return (
    <div
      data-testid="generation"
      data-new-tokens={n}
      data-generate-ms={Math.round(output.generateMs)}
      data-finish={stopped ? 'stopped' : (output.finish ?? 'running')}
      className="flex flex-col gap-3"
    >
      <div>
        <p className="text-lg" data-testid="generated-text">
          {output.text || <span className="text-stone-500">{running ? '…' : '(nothing: the first token was the end)'}</span>}
        </p>
        <p className="text-xs text-stone-600 dark:text-stone-400" data-testid="finish" role={stopped ? 'status' : undefined}>
          {finishLine(output, stopped)}
          {n > 0 && ` ${n} token${n === 1 ? '' : 's'} in ${formatMs(output.generateMs)}${perSecond ? ` (${perSecond.toFixed(1)} tokens/s)` : ''}.`}
        </p>
      </div>
      {output.notes.length > 0 && (
        <ul className="rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm dark:bg-amber-950" data-testid="generation-notes">
          {output.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <EncoderTokens encoder={output.encoder} />
      <p className="text-center text-xs text-stone-500" aria-hidden="true">
        ↓ the encoder&apos;s output, read by every decoder step ↓
      </p>
      <DecoderSteps startToken={output.decoderStartToken} steps={output.steps} selected={selected} onSelect={setPicked} running={running} />
      {/* While tokens stream in, the numbers only: the chart is drawn once the run ends or a step is picked. */}
      {step && <StepCandidates step={step} index={selected} chart={!running || picked !== null} />}
    </div>
  );
}
