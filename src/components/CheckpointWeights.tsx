import type { CheckpointProvenance } from '@/lib/checkpoint-provenance';
import { formatBytes } from '@/lib/format';


interface Props {
  provenance?: CheckpointProvenance;
  /** Said after the body's tensor count, e.g. that the word embeddings double as the decoder. */
  bodyNote?: string;
  /** "head" or "heads". */
  heads?: string;
}

export function CheckpointWeights({ provenance, bodyNote, heads = 'head' }: Props) {
  if (!provenance) return <p className="mt-1 text-stone-500">Once the model has answered, the exact tensors it used are listed here.</p>;
  return (
    <div className="mt-1" data-testid="provenance">
      <p>
        The numbers come from <code>{provenance.model}</code>, file <code>{provenance.file}</code>: {provenance.bodyTensorCount} tensors of
        the encoder body{bodyNote ? ` (${bodyNote})` : ''} and these {provenance.headTensors.length} of the {heads},{' '}
        {formatBytes(provenance.bytesFetched)} read with HTTP Range requests, run as {provenance.dtype}:
      </p>
      <ul className="mt-1 font-mono text-xs">
        {provenance.headTensors.map((t) => (
          <li key={t.name}>
            {t.name} [{t.shape.join(', ')}]
          </li>
        ))}
      </ul>
    </div>
  );
}
