import type { FormProps } from '@/hats/types';
import { TextField } from '@/components/ui/TextField';
import type { QaParams } from './params';

export default function Form({ params, onChange }: FormProps<QaParams>) {
  return (
    <div className="flex flex-col gap-3">
      <TextField label="Question" value={params.question} onChange={(question) => onChange({ ...params, question })} rows={2} />
      <TextField label="Context" value={params.context} onChange={(context) => onChange({ ...params, context })} rows={6} />
      <p className="text-xs text-stone-500">
        The model does not write an answer: it points at the first and last word of one in the context.
      </p>
    </div>
  );
}
