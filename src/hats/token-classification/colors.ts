// Full class names (Tailwind only keeps classes it can read in the source).
const PALETTE = [
  'bg-sky-100 ring-sky-400 dark:bg-sky-900/60',
  'bg-rose-100 ring-rose-400 dark:bg-rose-900/60',
  'bg-emerald-100 ring-emerald-400 dark:bg-emerald-900/60',
  'bg-violet-100 ring-violet-400 dark:bg-violet-900/60',
  'bg-amber-100 ring-amber-400 dark:bg-amber-900/60',
  'bg-lime-100 ring-lime-500 dark:bg-lime-900/60',
  'bg-fuchsia-100 ring-fuchsia-400 dark:bg-fuchsia-900/60',
  'bg-cyan-100 ring-cyan-400 dark:bg-cyan-900/60',
  'bg-orange-100 ring-orange-400 dark:bg-orange-900/60',
  'bg-indigo-100 ring-indigo-400 dark:bg-indigo-900/60',
  'bg-teal-100 ring-teal-400 dark:bg-teal-900/60',
  'bg-pink-100 ring-pink-400 dark:bg-pink-900/60',
];

/** The entity type a label belongs to: B-PER, I-PER, E-PER and PER are all PER. */
export function typeOf(label: string): string {
  return label.replace(/^[BIES]-/, '');
}

export interface LegendEntry {
  type: string;
  /** The config's labels of this type, in id order. */
  labels: string[];
  className: string;
}

/** One colour per entity type, in the order the config first names it; O gets none (it is never drawn). */
export function legendOf(labels: string[], outside = 'O'): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const label of labels) {
    if (label === outside) continue;
    const type = typeOf(label);
    const entry = entries.find((e) => e.type === type);
    if (entry) entry.labels.push(label);
    else entries.push({ type, labels: [label], className: PALETTE[entries.length % PALETTE.length]! });
  }
  return entries;
}

export function colorOf(legend: LegendEntry[], label: string): string {
  return legend.find((e) => e.type === typeOf(label))?.className ?? 'bg-stone-100 ring-stone-400 dark:bg-stone-800';
}
