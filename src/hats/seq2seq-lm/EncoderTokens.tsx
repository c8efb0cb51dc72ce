import { formatMs } from '@/lib/format';
import type { Seq2SeqOutput } from './generation';

/** The encoder's input, shown once: it reads all of these tokens together, in one pass. */
export function EncoderTokens({ encoder }: { encoder: Seq2SeqOutput['encoder'] }) {
  const n = encoder.tokens.length;
  const hasPrefix = encoder.tokens.some((t) => t.prefix);
  return (
    <section aria-labelledby="encoder-heading" data-testid="encoder-panel" className="rounded-lg border border-sky-300 p-2 dark:border-sky-800">
      <h4 id="encoder-heading" className="text-sm font-semibold">
        Encoder: read {n} token{n === 1 ? '' : 's'} at once{encoder.ms > 0 ? `, in ${formatMs(encoder.ms)}` : ''}
      </h4>
      <ol className="mt-1 flex flex-wrap gap-1" aria-label="Tokens the encoder read">
        {encoder.tokens.map((t, i) => (
          <li
            key={i}
            data-testid="encoder-token"
            data-prefix={t.prefix}
            title={`id ${t.id}${t.prefix ? ', part of the task prefix' : ''}`}
            className={`rounded px-1.5 py-0.5 font-mono text-xs ${
              t.prefix
                ? 'bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-sky-50'
                : t.special
                  ? 'bg-stone-200 text-stone-600 dark:bg-stone-700 dark:text-stone-300'
                  : 'bg-white ring-1 ring-stone-300 dark:bg-stone-800 dark:ring-stone-600'
            }`}
          >
            {t.token}
          </li>
        ))}
      </ol>
      {hasPrefix && <p className="mt-1 text-xs text-stone-500">Blue: the task prefix the preset added.</p>}
      {encoder.fullLength > n && (
        <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">
          {encoder.fullLength} tokens were typed; only the first {encoder.maxLength} fit the encoder&apos;s window.
        </p>
      )}
    </section>
  );
}
