import { memo } from 'react';
import type { HatDefinition } from '@/hats/types';
import { Foldable } from '@/components/ui/Foldable';
import { useApp } from './app-context';
import { usePhoneScreen } from './classroom/use-small-device';
import { MirrorButton } from './mirror/MirrorButton';

/** The hat's name, the class it teaches, its purpose and Miya's tip: the same for every run. */
export const HatHeader = memo(function HatHeader({ hat }: { hat: HatDefinition }) {
  // On the projector and on a phone the name stays; the rest is one click away, so the input (and output) fit the first screen.
  const presenter = useApp((s) => s.presenter);
  const compact = usePhoneScreen() || presenter;
  return (
    <div className={`panel flex gap-2 ${compact ? 'flex-wrap items-baseline gap-x-3 py-2' : 'flex-col'}`}>
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id="hat-title" className="text-xl font-semibold">
          <span aria-hidden="true">{hat.icon} </span>
          {hat.title}
        </h2>
        <code className="text-sm text-stone-500">{hat.autoClass}</code>
        {compact && (
          <a href="#hat-explainer" className="text-sm underline">
            Explanation<span aria-hidden="true"> ↓</span>
          </a>
        )}
        {!compact && (
          <span className="ms-auto">
            <MirrorButton forHat />
          </span>
        )}
      </div>
      {/* On the projector and on a phone the mirror button folds with the rest, so the heading stays one line. */}
      <Foldable folded={compact} summary="About this hat">
        {compact && <MirrorButton forHat />}
        <p>{hat.purpose}</p>
        <p className="text-sm italic text-stone-600 dark:text-stone-400" data-testid="miya-tip">
          <span aria-hidden="true">🐈‍⬛ </span>Miya&apos;s hat tip: {hat.tip}
        </p>
      </Foldable>
    </div>
  );
});
