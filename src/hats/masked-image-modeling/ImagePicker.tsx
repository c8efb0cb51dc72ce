import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { readImageFile } from './intake';
import type { MimParams } from './params';
import { OWN_IMAGE, SAMPLES } from './samples';

interface Props {
  params: MimParams;
  onChange: (next: MimParams) => void;
}

const tile =
  'flex cursor-pointer items-center gap-2 rounded-lg border border-stone-300 p-1 pr-2 text-sm has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-amber-500 dark:border-stone-600 dark:has-[:checked]:bg-amber-950';

/** Samples as radio tiles, plus the person's own picture by drop, paste or file chooser. */
export function ImagePicker({ params, onChange }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef({ params, onChange });
  useEffect(() => {
    latest.current = { params, onChange };
  });

  // [1] Whatever fails, the picture shown before stays: params change only once a new one is read.
  const take = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const own = await readImageFile(file);
      latest.current.onChange({ ...latest.current.params, image: OWN_IMAGE, own });
    } catch (error) {
      setProblem(`${error instanceof Error ? error.message : String(error)} The picture shown before is still there.`);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      e.preventDefault();
      void take(file);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void take(e.dataTransfer.files[0]);
  };

  return (
    <fieldset className="flex min-w-0 flex-col gap-2" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <legend className="mb-1 text-sm font-medium">Image</legend>
      <div className="flex flex-wrap gap-2">
        {SAMPLES.map((s) => (
          <label key={s.name} className={tile}>
            <input type="radio" name={`${id}-image`} className="sr-only" checked={params.image === s.name} onChange={() => onChange({ ...params, image: s.name })} />
            <img src={`samples/${s.name}.png`} alt="" width={40} height={40} className="rounded" />
            {s.label}
          </label>
        ))}
        {params.own && (
          <label className={tile}>
            <input type="radio" name={`${id}-image`} className="sr-only" checked={params.image === OWN_IMAGE} onChange={() => onChange({ ...params, image: OWN_IMAGE })} />
            <span aria-hidden="true" className="grid h-10 w-10 place-items-center rounded bg-stone-200 dark:bg-stone-700">
              🖼️
            </span>
            Yours: {params.own.name.length > 24 ? `${params.own.name.slice(0, 21)}…` : params.own.name}
          </label>
        )}
      </div>
      <div className="rounded-lg border-2 border-dashed border-stone-300 p-2 text-sm dark:border-stone-600" aria-busy={busy}>
        <label htmlFor={`${id}-file`} className="block font-medium">
          Your own picture
        </label>
        <input id={`${id}-file`} type="file" accept="image/*" className="mt-1 max-w-full text-sm" onChange={(e) => void take(e.target.files?.[0])} />
        <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          …or drop one here, or paste one (Ctrl+V). It stays in this browser: a share link names only the samples.
        </p>
        {busy && <p role="status">Reading the picture…</p>}
        {problem && (
          <p role="alert" data-testid="image-error" className="mt-1 rounded border border-red-300 bg-red-50 p-1 dark:bg-red-950">
            {problem}
          </p>
        )}
      </div>
    </fieldset>
  );
}
