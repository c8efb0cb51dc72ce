import { formatPercent } from '@/lib/format';
import type { Tagged } from './aggregate';
import type { TokenScore } from './postprocess';

interface Props {
  text: string;
  tokens: TokenScore[];
  labels: string[];
  /** What the chosen aggregation made of the tokens, to show where each one ended up. */
  entities: Tagged[];
}

function best(scores: number[]): number {
  return scores.reduce((b, s, i) => (s > scores[b]! ? i : b), 0);
}

/** Every token with the tag the model gave it on its own, before any merging. */
export function TokenTable({ text, tokens, labels, entities }: Props) {
  const owner = new Map<number, Tagged>();
  for (const e of entities) for (const t of e.tokens) owner.set(t, e);
  return (
    <div className="max-h-96 overflow-auto">
      <table data-testid="token-table" className="w-full text-left font-mono text-xs">
        <caption className="mb-1 text-left font-sans text-xs text-stone-500">
          Each token&apos;s own tag (the highest of its {labels.length} softmax scores) and the entity it ended up in
        </caption>
        <thead className="sticky top-0 bg-white dark:bg-stone-900">
          <tr>
            <th scope="col" className="px-1">#</th>
            <th scope="col" className="px-1">token</th>
            <th scope="col" className="px-1">text</th>
            <th scope="col" className="px-1">tag</th>
            <th scope="col" className="px-1">score</th>
            <th scope="col" className="px-1">entity</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t, i) => {
            const k = best(t.scores);
            const entity = owner.get(i);
            return (
              <tr key={t.index} data-testid="tag-row" className={t.isSubword ? 'text-stone-600 dark:text-stone-400' : ''}>
                <td className="px-1 text-stone-500">{t.index}</td>
                <th scope="row" className="px-1 font-normal">
                  {t.isSubword && <span aria-label="continues the word before">↳ </span>}
                  {t.token}
                </th>
                <td className="px-1">{text.slice(t.start, t.end)}</td>
                <td className="px-1" data-testid="tag">{labels[k] ?? `LABEL_${k}`}</td>
                <td className="px-1">{formatPercent(t.scores[k] ?? 0)}</td>
                <td className="px-1">{entity ? `${entity.label} “${text.slice(entity.start, entity.end)}”` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
