import type { QaAnswer } from './postprocess';

interface Props {
  context: string;
  span?: QaAnswer;
  /** The span lost to "no answer": drawn as a dashed outline, not as the answer. */
  weak: boolean;
}

/** The context as the model read it, with the chosen span marked at its character offsets. */
export function HighlightedContext({ context, span, weak }: Props) {
  const label = weak ? 'Context, with the best span the model found (weaker than “no answer”)' : 'Context, with the answer highlighted';
  return (
    <figure className="rounded-lg border border-stone-200 p-3 dark:border-stone-700">
      <figcaption className="mb-1 text-xs text-stone-500">{label}</figcaption>
      <blockquote data-testid="answer-context" className="whitespace-pre-wrap text-sm leading-relaxed">
        {span ? (
          <>
            {context.slice(0, span.start)}
            <mark
              data-testid={weak ? 'weak-span' : 'answer-highlight'}
              className={
                weak
                  ? 'rounded bg-transparent px-0.5 outline-2 outline-dashed outline-stone-400 dark:text-stone-100'
                  : 'rounded bg-amber-300 px-0.5 font-semibold dark:bg-amber-600 dark:text-white'
              }
            >
              {context.slice(span.start, span.end)}
            </mark>
            {context.slice(span.end)}
          </>
        ) : (
          context
        )}
      </blockquote>
    </figure>
  );
}
