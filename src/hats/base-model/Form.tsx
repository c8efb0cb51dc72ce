import type { FormProps } from '@/hats/types';
import { TextField } from '@/components/ui/TextField';
import type { BaseModelParams } from './params';

export default function Form({ params, onChange }: FormProps<BaseModelParams>) {
  return (
    <div className="flex flex-col gap-3">
      <TextField label="Text" value={params.text} onChange={(text) => onChange({ ...params, text })} rows={3} />
      <TextField
        label="Second sentence (optional)"
        value={params.text_pair}
        onChange={(text_pair) => onChange({ ...params, text_pair })}
        rows={2}
      />
      <p className="text-xs text-stone-500">
        The second sentence is encoded on its own (not joined to the first with [SEP]) and compared with it by cosine
        similarity, the way embedding search works.
      </p>
    </div>
  );
}
