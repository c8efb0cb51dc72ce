import { useState } from 'react';
import type { InsideLens } from '@/lib/inside';
import { tint } from './heat';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

/** The logit lens for one position: the model's own output head read at every layer, top guess first. */
export function LensView({ lens }: { lens: InsideLens }) {
  const [position, setPosition] = useState(lens.focus);
  const at = lens.positions[position] ?? lens.positions[lens.focus]!;
  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label="Pick the position to read" className="flex flex-wrap gap-1">
        {lens.positions.map((p) => (
          <button key={p.position} type="button" aria-pressed={p.position === at.position} className="btn px-1.5 py-0.5 font-mono text-xs" onClick={() => setPosition(p.position)}>
            {p.token}
          </button>
        ))}
      </div>
      <ScrollRegion label={`The output head at every layer, position ${at.position + 1}`}>
        <table data-testid="lens-table" data-position={at.position} className="border-collapse text-sm tabular-nums">
          <caption className="mb-1 text-left">
            What the output head would say at position {at.position + 1} (“{at.token}”), layer by layer.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 text-left">
                layer
              </th>
              <th scope="col" className="px-2 text-left">
                top guess
              </th>
              <th scope="col" className="px-2 text-right">
                p
              </th>
              <th scope="col" className="px-2 text-left">
                runners-up
              </th>
            </tr>
          </thead>
          <tbody>
            {at.layers.map((guesses, layer) => (
              <tr key={layer} data-layer={layer}>
                <th scope="row" className="px-2 text-left font-normal">
                  {layer === 0 ? 'embeddings' : layer}
                </th>
                <td className="px-2 font-mono" style={{ background: tint(guesses[0]!.p * 0.6) }}>
                  {guesses[0]!.token}
                </td>
                <td className="px-2 text-right">{guesses[0]!.p.toFixed(3)}</td>
                <td className="px-2 font-mono text-xs">
                  {guesses
                    .slice(1)
                    .map((g) => `${g.token} ${g.p.toFixed(3)}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
