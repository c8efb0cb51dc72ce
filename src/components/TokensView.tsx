import { useState } from 'react';
import type { TokensInfo } from '@/engine/protocol';

/**
 * What the model actually reads: tokens, ids, segment ids and attention mask.
 * The table is drawn only while the panel is open: closed (as it starts), a new answer would
 * otherwise rewrite up to hundreds of hidden cells on every keystroke's run.
 */
export function TokensView({ tokens }: { tokens: TokensInfo }) {
  const [open, setOpen] = useState(false);
  const hasTypes = tokens.rows.some((r) => r.typeId !== undefined);
  return (
    <details className="panel" data-testid="tokens-view" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold">
        Tokens <span className="font-normal text-stone-500">({tokens.rows.length} of at most {tokens.maxLength})</span>
      </summary>
      {open && tokens.truncated && (
        <p role="status" data-testid="truncation-notice" className="mt-2 rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm dark:bg-amber-950">
          The input is {tokens.fullLength} tokens long but this model reads at most {tokens.maxLength}, so it was truncated: the
          model did not see the last {tokens.fullLength - tokens.rows.length} tokens.
        </p>
      )}
      {open && (
        <>
          <p className="mt-2 text-xs text-stone-500">
            Special tokens are highlighted. Pieces starting with ## continue the word before them.
            {hasTypes && ' Token type 0 is the first sentence, 1 the second.'}
          </p>
          <div className="mt-2 max-h-80 overflow-auto">
            <table className="w-full text-left font-mono text-xs">
              <thead className="sticky top-0 bg-white dark:bg-stone-900">
                <tr>
                  <th scope="col" className="px-1">#</th>
                  <th scope="col" className="px-1">token</th>
                  <th scope="col" className="px-1">id</th>
                  {hasTypes && <th scope="col" className="px-1">type</th>}
                  <th scope="col" className="px-1">attention</th>
                </tr>
              </thead>
              <tbody>
                {tokens.rows.map((row, i) => (
                  <tr key={i} className={row.special ? 'bg-amber-100 dark:bg-amber-900/40' : ''} data-testid="token-row">
                    <td className="px-1 text-stone-500">{i}</td>
                    <td className="px-1">{row.token}</td>
                    <td className="px-1">{row.id}</td>
                    {hasTypes && <td className="px-1">{row.typeId}</td>}
                    <td className="px-1">{row.attention}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </details>
  );
}
