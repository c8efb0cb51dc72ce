import { formatPercent } from '@/lib/format';
import type { Tagged } from './aggregate';
import { colorOf, type LegendEntry } from './colors';
import { segments } from './segments';

interface Props {
  text: string;
  entities: Tagged[];
  readUpTo: number;
  legend: LegendEntry[];
}

/** The person's own text with each entity marked where it stands, its label beside it. */
export function HighlightedText({ text, entities, readUpTo, legend }: Props) {
  return (
    <p data-testid="highlighted-text" className="whitespace-pre-wrap break-words rounded-lg bg-stone-50 p-3 leading-9 dark:bg-stone-950">
      {segments(text, entities, readUpTo).map((seg) => {
        const entity = seg.entity === undefined ? undefined : entities[seg.entity];
        if (!entity) {
          return seg.unread ? (
            <span key={seg.start} className="text-stone-400" title="Past the model's window: it never read this part">
              {seg.text}
            </span>
          ) : (
            <span key={seg.start}>{seg.text}</span>
          );
        }
        return (
          <mark
            key={seg.start}
            data-testid="entity"
            title={`${entity.label}, ${formatPercent(entity.score)}`}
            className={`rounded px-0.5 text-inherit ring-1 ${colorOf(legend, entity.label)}`}
          >
            <span data-testid="entity-text">{seg.text}</span>{' '}
            <span data-testid="entity-label" className="align-super font-mono text-[0.65rem] font-semibold">
              {entity.label}
            </span>
          </mark>
        );
      })}
    </p>
  );
}
