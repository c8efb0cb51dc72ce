interface Props {
  label: string;
  value: number;
  /** Layers 1 … count; `withEmbeddings` adds 0, the embeddings before any layer. */
  count: number;
  withEmbeddings?: boolean;
  onChange(layer: number): void;
}

export function LayerPicker({ label, value, count, withEmbeddings = false, onChange }: Props) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      <select className="rounded border px-2 py-1 dark:bg-stone-900" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {withEmbeddings && <option value={0}>embeddings</option>}
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i + 1}>
            {i + 1}
            {i + 1 === count ? ' (last)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
