import type { HatDefinition } from '@/hats/types';

interface Props {
  hats: HatDefinition[];
  selected: string;
  onSelect: (id: string) => void;
}

/** The wardrobe: one peg per hat that works. */
export function HatPicker({ hats, selected, onSelect }: Props) {
  return (
    <nav aria-label="Hats">
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {hats.map((hat) => (
          <li key={hat.id}>
            <button
              type="button"
              aria-current={hat.id === selected ? 'true' : undefined}
              onClick={() => onSelect(hat.id)}
              title={hat.purpose}
              className={`flex min-w-40 flex-col items-start rounded-xl border px-3 py-2 text-left focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 ${
                hat.id === selected
                  ? 'border-amber-500 bg-amber-100 dark:bg-amber-900/40'
                  : 'border-stone-200 bg-white hover:bg-stone-50 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800'
              }`}
            >
              <span className="text-2xl" aria-hidden="true">
                {hat.icon}
              </span>
              <span className="text-sm font-semibold">{hat.title}</span>
              <span className="font-mono text-xs text-stone-600 dark:text-stone-400">{hat.autoClass}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
