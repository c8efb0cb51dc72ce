import { formatPercent } from '@/lib/format';
import type { Strategy, Tagged } from './aggregate';

/** The list the Python pipeline returns for this strategy, with the same keys. */
export function EntityTable({ text, entities, strategy }: { text: string; entities: Tagged[]; strategy: Strategy }) {
  const key = strategy === 'none' ? 'entity' : 'entity_group';
  if (entities.length === 0) {
    return (
      <p data-testid="no-entities" className="text-sm text-stone-500">
        No entities: every token got the label O (outside).
      </p>
    );
  }
  return (
    <table data-testid="entity-table" className="w-full text-left font-mono text-xs">
      <caption className="mb-1 text-left font-sans text-xs text-stone-500">
        What <code>pipeline(…, aggregation_strategy=&quot;{strategy}&quot;)</code> returns
      </caption>
      <thead>
        <tr>
          <th scope="col" className="px-1">{key}</th>
          <th scope="col" className="px-1">score</th>
          <th scope="col" className="px-1">text</th>
          <th scope="col" className="px-1">start</th>
          <th scope="col" className="px-1">end</th>
        </tr>
      </thead>
      <tbody>
        {entities.map((e) => (
          <tr key={`${e.start}-${e.tokens[0]}`} data-testid="entity-row">
            <th scope="row" className="px-1">{e.label}</th>
            <td className="px-1">{formatPercent(e.score)}</td>
            <td className="px-1">{text.slice(e.start, e.end)}</td>
            <td className="px-1">{e.start}</td>
            <td className="px-1">{e.end}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
