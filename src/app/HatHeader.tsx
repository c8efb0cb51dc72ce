import { memo } from 'react';
import type { HatDefinition } from '@/hats/types';

/** The hat's name, the class it teaches, its purpose and Miya's tip: the same for every run. */
export const HatHeader = memo(function HatHeader({ hat }: { hat: HatDefinition }) {
  return (
    <div className="panel flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id="hat-title" className="text-xl font-semibold">
          <span aria-hidden="true">{hat.icon} </span>
          {hat.title}
        </h2>
        <code className="text-sm text-stone-500">{hat.autoClass}</code>
      </div>
      <p>{hat.purpose}</p>
      <p className="text-sm italic text-stone-600 dark:text-stone-400" data-testid="miya-tip">
        <span aria-hidden="true">🐈‍⬛ </span>Miya&apos;s hat tip: {hat.tip}
      </p>
    </div>
  );
});
