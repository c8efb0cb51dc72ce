import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { ProbabilityBars } from '@/components/ui/ProbabilityBars';
import type { HeadCount, HeadReading } from '@/lib/mirror/types';
import { count, READS } from './format';

interface Props {
  reading: HeadReading;
  head: HeadCount | undefined;
  tokens: string[];
  shown: boolean;
  onShow: () => void;
}

const WHAT: Record<HeadReading['kind'], string> = {
  hidden: 'No head at all: the body’s own answer, one vector per token. Every hat starts from these.',
  'masked-lm': 'Scores every word of the vocabulary at every position: what BERT was pretrained to do.',
  'next-sentence': 'Reads only the pooled [CLS] vector and says whether the second sentence follows the first.',
  custom: 'A head you trained in this browser on this very body: a few dense numbers on the pooled sentence vector.',
};

function Reading({ reading, tokens }: { reading: HeadReading; tokens: string[] }) {
  switch (reading.kind) {
    case 'hidden':
      return <p className="text-sm">{tokens.length} vectors, drawn in the picture below.</p>;
    case 'next-sentence':
      return (
        <ProbabilityBars
          caption="Does the next sentence follow?"
          items={[
            { label: 'follows (IsNext)', score: reading.isNext },
            { label: 'does not (NotNext)', score: reading.notNext },
          ]}
        />
      );
    case 'custom':
      return reading.task === 'classification' ? (
        <ProbabilityBars caption={`${reading.name}: probabilities`} items={reading.labels.map((label, k) => ({ label, score: reading.values[k] ?? 0 }))} />
      ) : (
        <p className="font-mono text-sm">
          {reading.labels[0]}: {reading.values[0]?.toFixed(3)}
        </p>
      );
    case 'masked-lm':
      return (
        <ScrollRegion label="Top guesses at every position" maxHeight="max-h-64">
          <table className="w-full text-left text-sm [&_td]:px-1.5 [&_th]:px-1.5" data-testid="mirror-mlm-table">
            <caption className="sr-only">Top guesses of the masked-word head at every position</caption>
            <thead>
              <tr>
                <th scope="col">Token</th>
                <th scope="col">Top guesses</th>
              </tr>
            </thead>
            <tbody>
              {reading.positions.map((guesses, p) => (
                <tr key={p} className={tokens[p] === '[MASK]' ? 'bg-amber-100 dark:bg-amber-900' : ''}>
                  <th scope="row" className="font-mono font-normal">
                    {tokens[p]}
                  </th>
                  <td className="font-mono">{guesses.map((g) => `${g.token} ${(g.p * 100).toFixed(1)}%`).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      );
  }
}

/** One head in the mirror: what it is, how many numbers are its own, what it reads, and its answer. */
export function HeadCard({ reading, head, tokens, shown, onShow }: Props) {
  const params = head?.params ?? 0;
  return (
    <article data-testid="mirror-head" data-head={reading.name} data-params={params} className="flex min-w-0 flex-col gap-2 rounded-xl border border-stone-200 p-3 dark:border-stone-700">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="font-semibold">{reading.name}</h4>
        <span className="font-mono text-sm">{count(params)} numbers of its own</span>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">{WHAT[reading.kind]}</p>
      <button type="button" className="btn self-start" aria-pressed={shown} onClick={onShow}>
        Reads {READS[reading.reads]}
      </button>
      <Reading reading={reading} tokens={tokens} />
    </article>
  );
}
