import { useState } from 'react';

export function CodeBlock({ title, code }: { title: string; code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <figure className="overflow-hidden rounded-lg border border-stone-300 dark:border-stone-600">
      <figcaption className="flex items-center justify-between bg-stone-100 px-3 py-1 text-xs font-medium dark:bg-stone-800">
        {title}
        <button
          type="button"
          className="rounded px-2 py-0.5 hover:bg-stone-200 focus-visible:ring-2 focus-visible:ring-amber-500 dark:hover:bg-stone-700"
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : `Copy ${title}`}
        </button>
      </figcaption>
      {/* A scrollable region must be reachable by keyboard, or its hidden part cannot be scrolled into view (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre tabIndex={0} className="overflow-x-auto bg-stone-900 p-3 text-xs leading-relaxed text-stone-100 focus-visible:outline-3 focus-visible:outline-amber-500">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
