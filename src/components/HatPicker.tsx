import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { HatDefinition } from '@/hats/types';
import { useOverflowCounts } from './use-overflow-counts';

interface Props {
  hats: HatDefinition[];
  selected: string;
  onSelect: (id: string) => void;
  /** One short line per hat (presenter mode), so the stage keeps the screen. */
  compact?: boolean;
}

const MOVES: Record<string, (at: number, last: number) => number> = {
  ArrowRight: (at, last) => Math.min(last, at + 1),
  ArrowDown: (at, last) => Math.min(last, at + 1),
  ArrowLeft: (at) => Math.max(0, at - 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The wardrobe: one peg per hat. One tab stop (the worn hat); arrows, Home and End move between
 * pegs, Enter or Space puts one on. Pegs scrolled out of view are counted at the edges, and the
 * count scrolls the strip.
 */
export function HatPicker({ hats, selected, onSelect, compact = false }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const { before, after } = useOverflowCounts(list);
  // The worn hat's peg is in view (a link can open any hat), without scrolling the page.
  useLayoutEffect(() => {
    const strip = list.current;
    const peg = strip?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!strip || !peg) return;
    const left = peg.offsetLeft - strip.offsetLeft;
    if (left < strip.scrollLeft || left + peg.offsetWidth > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = left - (strip.clientWidth - peg.offsetWidth) / 2;
    }
  }, [selected, compact]);
  const pegs = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-hat]') ?? [])];

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const move = MOVES[e.key];
    const all = pegs();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (!move || at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    // Handled here: presenter mode's own arrow keys (on window) see defaultPrevented and step aside.
    e.preventDefault();
    const next = all[move(at, all.length - 1)];
    next?.focus();
    next?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  const scroll = (direction: 1 | -1) => list.current?.scrollBy({ left: direction * list.current.clientWidth * 0.8 });
  const more = 'absolute top-0 bottom-1 z-10 flex items-center rounded-xl border border-amber-500 bg-amber-50/95 px-2 text-sm font-semibold shadow dark:bg-stone-900/95';

  return (
    <nav aria-label="Hats" className="relative">
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the arrow keys of the pegs inside, which are buttons */}
      <ul ref={list} className="flex gap-2 overflow-x-auto pb-1" onKeyDown={onKeyDown}>
        {hats.map((hat) => {
          const current = hat.id === selected;
          return (
            <li key={hat.id}>
              <button
                type="button"
                data-hat={hat.id}
                aria-current={current ? 'true' : undefined}
                tabIndex={current ? 0 : -1}
                onClick={() => onSelect(hat.id)}
                title={hat.purpose}
                className={`flex h-full rounded-xl border text-left focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 ${
                  compact ? 'items-center gap-1 px-2 py-1 whitespace-nowrap' : 'min-w-40 flex-col items-start px-3 py-2'
                } ${
                  current
                    ? 'border-amber-500 bg-amber-100 dark:bg-amber-900/40'
                    : 'border-stone-200 bg-white hover:bg-stone-50 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800'
                }`}
              >
                <span className={compact ? 'text-lg' : 'text-2xl'} aria-hidden="true">
                  {hat.icon}
                </span>
                <span className="text-sm font-semibold">{hat.title}</span>
                {!compact && <span className="font-mono text-xs text-stone-600 dark:text-stone-400">{hat.autoClass}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {before > 0 && (
        <button type="button" tabIndex={-1} aria-label={`${before} more hats`} className={`${more} left-0`} data-testid="hats-before" onClick={() => scroll(-1)}>
          <span aria-hidden="true">← {before}</span>
        </button>
      )}
      {after > 0 && (
        <button type="button" tabIndex={-1} aria-label={`${after} more hats`} className={`${more} right-0`} data-testid="hats-after" onClick={() => scroll(1)}>
          <span aria-hidden="true">{after} →</span>
        </button>
      )}
    </nav>
  );
}
