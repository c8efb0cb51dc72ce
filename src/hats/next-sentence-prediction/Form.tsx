import type { FormProps } from '@/hats/types';
import { TextField } from '@/components/ui/TextField';
import { shuffledSentence, type NspParams } from './params';

export default function Form({ params, onChange }: FormProps<NspParams>) {
  return (
    <div className="flex flex-col gap-3">
      <TextField label="Sentence A" value={params.sentence_a} onChange={(sentence_a) => onChange({ ...params, sentence_a })} rows={2} />
      <TextField label="Sentence B" value={params.sentence_b} onChange={(sentence_b) => onChange({ ...params, sentence_b })} rows={2} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button
          type="button"
          className="rounded-lg border border-stone-300 px-2 py-1 hover:bg-stone-100 focus-visible:ring-2 focus-visible:ring-amber-500 dark:border-stone-600 dark:hover:bg-stone-800"
          onClick={() => onChange({ ...params, sentence_b: shuffledSentence(params.sentence_b) })}
        >
          Shuffle B
        </button>
        <span className="text-xs text-stone-500">
          Swaps in a random sentence from a built-in list: that is how BERT&apos;s training made its NotNext examples.
        </span>
      </div>
    </div>
  );
}
