import { formatBytes } from '@/lib/format';
import type { MimProvenance } from './output';

/** Which checkpoint, file and tensors made the picture (DESIGN.md §3). */
export function MimWeights({ provenance: p }: { provenance?: MimProvenance }) {
  if (!p) return <p className="mt-1 text-stone-500">Once the model has answered, the exact tensors it used are listed here.</p>;
  const top = p.headTensors.filter((t) => !t.name.startsWith('decoder.decoder_layers.'));
  return (
    <div className="mt-1" data-testid="provenance">
      <p>
        The pictures come from <code>{p.model}</code>, file <code>{p.file}</code>: {p.bodyTensorCount} tensors of the encoder (<code>vit.*</code>) and{' '}
        {p.headTensors.length} of the pixel decoder (<code>decoder.*</code>), {formatBytes(p.bytesFetched)} read with HTTP Range requests, run as {p.dtype}.
        {p.computed.length > 0 && (
          <>
            {' '}
            The checkpoint leaves out the fixed sin-cos tables {p.computed.map((n) => <code key={n}>{n} </code>)}; the page computed them with the same formula.
          </>
        )}
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer">The decoder&apos;s own tensors</summary>
        <ul className="mt-1 font-mono text-xs">
          {top.map((t) => (
            <li key={t.name}>
              {t.name} [{t.shape.join(', ')}]
            </li>
          ))}
          <li>…and {p.headTensors.length - top.length} tensors of decoder.decoder_layers.*</li>
        </ul>
      </details>
    </div>
  );
}
