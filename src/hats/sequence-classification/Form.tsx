import type { FormProps } from '@/hats/types';
import { TextField } from '@/components/ui/TextField';
import type { SeqClsParams } from './params';

export default function Form({ params, onChange, facts }: FormProps<SeqClsParams>) {
  const pairHint = facts && !facts.hasTokenTypeIds ? '; this model has no segment ids: the pair is only split by a separator token' : '';
  return (
    <div className="flex flex-col gap-3">
      <TextField label="Text" value={params.text} onChange={(text) => onChange({ ...params, text })} rows={3} />
      <TextField
        label={`Second sentence (optional, for pair models such as NLI)${pairHint}`}
        value={params.text_pair}
        onChange={(text_pair) => onChange({ ...params, text_pair })}
        rows={2}
      />
    </div>
  );
}
