import { lazy, Suspense, useCallback } from 'react';
import type { HatDefinition } from '@/hats/types';
import type { InsideActions } from '@/components/inside';
import { MB } from '@/lib/format';
import { useApp, useController } from './app-context';
import { currentChoice } from './store';

const InsidePanel = lazy(() => import('@/components/inside/InsidePanel').then((m) => ({ default: m.InsidePanel })));

/**
 * The hat's Inside panel, or the button that opens it, for hats that offer one. The panel talks to
 * the hat's adapter through the hat's own call (the seam's Inside request), once the model is ready.
 */
export function InsideSlot({ hat }: { hat: HatDefinition }) {
  const inside = useApp((s) => s.inside);
  const setInside = useApp((s) => s.setInside);
  const notify = useApp((s) => s.notify);
  const params = useApp((s) => currentChoice(s).params);
  const info = useApp((s) => (s.model.phase === 'ready' ? s.model.info : undefined));
  const result = useApp((s) => s.run.result);
  const autoMB = useApp((s) => s.settings.autoLoadMB);
  const { actions } = useController();
  const warn = useCallback((text: string) => notify(text, 'warning'), [notify]);
  const support = hat.inside;
  if (!support) return null;
  if (!inside) {
    return (
      <div>
        <button type="button" className="btn" data-testid="open-inside" onClick={() => setInside({ view: support.views[0] ?? 'attention', layer: null, head: null })}>
          🔍 Look inside the model
        </button>
      </div>
    );
  }
  if (!info) return <p className="panel text-sm">The Inside panel opens once the model is ready.</p>;
  return (
    <Suspense fallback={<p className="panel text-sm">Opening…</p>}>
      <InsidePanel
        support={support}
        params={params}
        actions={actions as unknown as InsideActions}
        model={info}
        runKey={result}
        output={result?.output}
        link={inside}
        onLink={setInside}
        autoBytes={autoMB * MB}
        notify={warn}
      />
    </Suspense>
  );
}
