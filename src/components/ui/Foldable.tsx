import type { ReactNode } from 'react';

interface Props {
  /** Behind a one-line summary (one click or Enter opens it), or shown as it is. */
  folded: boolean;
  summary: ReactNode;
  children: ReactNode;
}

/**
 * Something a presenter keeps one click away instead of on the projected screen. Closed, it sits
 * in its row like a word; opened, it takes a row of its own.
 */
export function Foldable({ folded, summary, children }: Props) {
  if (!folded) return <>{children}</>;
  return (
    <details className="min-w-0 open:basis-full">
      <summary className="cursor-pointer text-sm font-medium">{summary}</summary>
      <div className="mt-2 flex flex-col gap-2">{children}</div>
    </details>
  );
}
