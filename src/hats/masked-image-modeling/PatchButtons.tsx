import { useRef, useState, type KeyboardEvent } from 'react';

interface Props {
  grid: number;
  hidden: ReadonlySet<number>;
  onToggle: (index: number) => void;
}

/*
 * One button per patch over the masked picture. A single tab stop (roving tabindex): arrow keys
 * move between patches, Home/End jump, Enter or Space hides or shows the focused patch.
 */
export function PatchButtons({ grid, hidden, onToggle }: Props) {
  const [focus, setFocus] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (to: number) => {
    const next = Math.max(0, Math.min(grid * grid - 1, to));
    setFocus(next);
    refs.current[next]?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: grid, ArrowUp: -grid };
    if (e.key in step) move(i + step[e.key]!);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(grid * grid - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div role="group" aria-label="Patches: press one to hide or show it" className="absolute inset-0 grid" style={{ gridTemplateColumns: `repeat(${grid}, 1fr)` }}>
      {Array.from({ length: grid * grid }, (_, i) => (
        <button
          key={i}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          tabIndex={i === focus ? 0 : -1}
          aria-pressed={hidden.has(i)}
          aria-label={`Hide patch ${i} (row ${Math.floor(i / grid) + 1}, column ${(i % grid) + 1})`}
          onClick={() => {
            setFocus(i);
            onToggle(i);
          }}
          onKeyDown={(e) => onKey(e, i)}
          className="min-h-0 min-w-0 hover:bg-amber-400/30 focus-visible:relative focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-amber-500"
        />
      ))}
    </div>
  );
}
