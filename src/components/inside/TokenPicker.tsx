import { useRef, type KeyboardEvent } from 'react';

interface Props {
  tokens: readonly string[];
  selected: number | null;
  onPick(index: number): void;
}

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/*
 * The query tokens as one radio group, the keyboard's way into the heat grid: one tab stop, the
 * arrows move the picked row (so a presenter's arrow keys stay here instead of changing the hat),
 * Home and End jump to the first and last token.
 */
export function TokenPicker({ tokens, selected, onPick }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? tokens.length - 1 : e.key in STEP ? i + STEP[e.key]! : null;
    if (to === null) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(tokens.length - 1, to));
    onPick(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="radiogroup" aria-label="Pick a token to see where it looks" className="flex flex-wrap gap-1">
      {tokens.map((t, q) => (
        <button
          key={q}
          ref={(el) => {
            refs.current[q] = el;
          }}
          type="button"
          role="radio"
          aria-checked={selected === q}
          tabIndex={q === (selected ?? 0) ? 0 : -1}
          className="btn px-1.5 py-0.5 font-mono text-xs aria-checked:bg-amber-200 dark:aria-checked:bg-amber-800"
          onClick={() => onPick(q)}
          onKeyDown={(e) => onKey(e, q)}
        >
          {t}
        </button>
      ))}
    </div>
  );
}
