import type { ReactNode } from 'react';
import { CodeBlock } from './ui/CodeBlock';

interface Props {
  head: ReactNode;
  training: ReactNode;
  when: ReactNode;
  python: string;
  javascript: string;
  note?: ReactNode;
}

/** The four parts every hat's explanation panel has, in the same order. */
export function ExplainerLayout({ head, training, when, python, javascript, note }: Props) {
  return (
    <div className="flex flex-col gap-4 text-sm leading-relaxed">
      <section aria-labelledby="explain-head">
        <h3 id="explain-head" className="mb-1 font-semibold">
          The head
        </h3>
        {head}
      </section>
      <section aria-labelledby="explain-training">
        <h3 id="explain-training" className="mb-1 font-semibold">
          How it is trained
        </h3>
        {training}
      </section>
      <section aria-labelledby="explain-when">
        <h3 id="explain-when" className="mb-1 font-semibold">
          When to pick this hat
        </h3>
        {when}
      </section>
      <section aria-labelledby="explain-code" className="flex flex-col gap-2">
        <h3 id="explain-code" className="font-semibold">
          Reproduce it
        </h3>
        {note && <p className="text-xs text-stone-600 dark:text-stone-400">{note}</p>}
        <CodeBlock title="Python" code={python} />
        <CodeBlock title="JavaScript" code={javascript} />
      </section>
    </div>
  );
}
