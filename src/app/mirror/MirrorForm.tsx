import { useEffect, useId, useState } from 'react';
import { TextField } from '@/components/ui/TextField';
import type { MirrorParams } from '@/lib/mirror/params';
import { DEBOUNCE_MS } from '../controller';

interface Props {
  params: MirrorParams;
  onChange: (patch: Partial<MirrorParams>) => void;
}

/**
 * The body to look at and the text it reads. Typing is kept here and handed on after the page's
 * one typing pause, so the pass (and the address) follow the text, not every key.
 */
export function MirrorForm({ params, onChange }: Props) {
  const [text, setText] = useState(params.text);
  const [pair, setPair] = useState(params.pair);
  const [model, setModel] = useState(params.model);
  const modelId = useId();
  useEffect(() => {
    if (text === params.text && pair === params.pair) return;
    const t = setTimeout(() => onChange({ text, pair }), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, pair, params.text, params.pair, onChange]);

  return (
    <div className="panel flex flex-col gap-3">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (model.trim() && model.trim() !== params.model) onChange({ model: model.trim(), tuned: '' });
        }}
      >
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={modelId} className="text-sm font-medium text-stone-700 dark:text-stone-300">
            BERT body (a Hub id with model.safetensors)
          </label>
          <input id={modelId} value={model} onChange={(e) => setModel(e.target.value)} spellCheck={false} className="w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-stone-600 dark:bg-stone-900" />
        </div>
        <button type="submit" className="btn">
          Show this body
        </button>
      </form>
      <TextField label="Text the body reads" value={text} onChange={setText} rows={2} />
      <TextField label="Next sentence (for the next-sentence head; may be empty)" value={pair} onChange={setPair} rows={1} />
    </div>
  );
}
