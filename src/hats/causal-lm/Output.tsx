import { useState } from 'react';
import type { OutputProps } from '@/hats/types';
import { formatMs } from '@/lib/format';
import { GeneratedText } from './GeneratedText';
import { tokensPerSecond, type CausalOutput } from './output';
import type { CausalParams } from './params';
import { StepChart } from './StepChart';
import { LiveStep } from './LiveStep';

const FINISH: Record<NonNullable<CausalOutput['finish']>, string> = {
  eos: 'The model wrote its end-of-text token.',
  length: 'Stopped at the new-token limit.',
  stopped: 'Stopped: the text so far is kept.',
};

export default function Output({ output, running, stopped }: OutputProps<CausalParams, CausalOutput>) {
  // null: follow the newest step while streaming; a number: the step the person picked.
  const [picked, setPicked] = useState<number | null>(null);
  const last = output.steps.length - 1;
  // While it writes, the newest step; once done, the first one (the last is often just the end of the text).
  const selected = picked !== null && picked <= last ? picked : running ? last : 0;
  const step = output.steps[selected];
  const greedy = output.settings.temperature <= 0;
  return (
    <div
      data-testid="generation"
      data-new-tokens={output.steps.length}
      data-generate-ms={output.generateMs}
      data-finish={output.finish ?? 'running'}
      className="flex flex-col gap-3"
    >
      {output.notes.length > 0 && (
        <ul data-testid="generation-notes" className="list-disc rounded-lg border border-amber-400 bg-amber-50 py-2 pr-2 pl-6 text-sm dark:bg-amber-950">
          {output.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <GeneratedText output={output} selected={selected} onSelect={setPicked} running={running} />
      <p className="text-xs text-stone-600 dark:text-stone-400" role="status">
        {stopped ? <strong data-testid="stopped">Stopped: the text so far is kept. </strong> : !running && output.finish ? `${FINISH[output.finish]} ` : ''}
        {output.steps.length} new token{output.steps.length === 1 ? '' : 's'} after a {output.promptTokens}-token prompt in {formatMs(output.generateMs)}
        {output.generateMs > 0 && ` (${tokensPerSecond(output).toFixed(1)} tokens/s)`}, {greedy ? 'greedy' : `sampled with seed ${output.settings.seed}`},{' '}
        {output.cached ? 'feeding only the new token each step (KV cache).' : 'rereading the whole text each step (this export has no KV cache).'}
      </p>
      {step && (running && picked === null ? <LiveStep step={step} index={selected} /> : <StepChart step={step} index={selected} greedy={greedy} />)}
      {!step && <p className="text-sm text-stone-500">The first token is on its way…</p>}
    </div>
  );
}
