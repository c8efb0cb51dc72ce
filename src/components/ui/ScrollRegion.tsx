import type { ReactNode } from 'react';

interface Props {
  /** What the region holds, for screen readers (e.g. "Top guesses at every position"). */
  label: string;
  /** Tailwind height limit, e.g. "max-h-64"; none for a table that only scrolls sideways. */
  maxHeight?: string;
  children: ReactNode;
}

/** A long table in a box that scrolls: focusable and named, so the keyboard can scroll it too. */
export function ScrollRegion({ label, maxHeight = '', children }: Props) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus to be scrolled by keyboard
    <div role="region" aria-label={label} tabIndex={0} className={`${maxHeight} max-w-full overflow-auto focus-visible:outline-2 focus-visible:outline-amber-500`}>
      {children}
    </div>
  );
}
