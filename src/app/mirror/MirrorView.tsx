import { useEffect, useState } from 'react';
import { useApp } from '../app-context';
import { DriftPanel } from './DriftPanel';
import { HeadCard } from './HeadCard';
import { HiddenPicture } from './HiddenPicture';
import { MirrorExplainer } from './MirrorExplainer';
import { MirrorForm } from './MirrorForm';
import { MirrorStatus } from './MirrorStatus';
import { ScaleChart } from './ScaleChart';
import { count } from './format';
import { useDrift } from './use-drift';
import { useMirror, type MirrorPhase } from './use-mirror';

const STATUS: Record<MirrorPhase, string> = { inspecting: 'loading', awaiting: 'loading', loading: 'loading', running: 'running', ready: 'ready', error: 'error' };

/** ?view=mirror: one body, several heads, one pass. Loaded lazily by App. */
export default function MirrorView() {
  const params = useApp((s) => s.mirror)!;
  const setMirror = useApp((s) => s.setMirror);
  const closeMirror = useApp((s) => s.closeMirror);
  const spotlight = useApp((s) => s.spotlight);
  const { state, spec, retry, loadNow } = useMirror(params);
  const drift = useDrift(spec, state.info !== undefined, params.tuned);
  const [focus, setFocus] = useState<string | null>(null);
  const output = state.output;
  const focused = output?.readings.find((r) => r.name === focus);
  // `npm run bench` times the mirror from the link to its first pass on screen (mirror_ready_ms).
  useEffect(() => {
    if (output) performance.mark('hw:mirror-ready');
  }, [output]);

  return (
    <section data-testid="mirror-view" data-status={STATUS[state.phase]} aria-labelledby="mirror-title" className="flex flex-col gap-4">
      <div className="panel flex flex-wrap items-start justify-between gap-2">
        <div className="flex flex-col gap-1">
          <h2 id="mirror-title" className="text-xl font-semibold">
            <span aria-hidden="true">🪞 </span>The mirror: one body, several heads, one pass
          </h2>
          <p>One BERT body reads your text once; every head it has reads the same hidden states, side by side.</p>
        </div>
        <button type="button" className="btn" onClick={closeMirror}>
          Back to the hats
        </button>
      </div>
      <MirrorForm key={params.model} params={params} onChange={setMirror} />
      <MirrorStatus state={state} onRetry={retry} onLoadNow={loadNow} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-w-0 flex-col gap-4">
          {output && (
            <div className={`panel flex flex-col gap-4 ${spotlight ? 'relative z-50 ring-4 ring-amber-400' : ''} ${state.phase === 'running' ? 'opacity-60' : ''}`} aria-live="polite">
              <article data-testid="mirror-body" data-params={output.anatomy.bodyParams} className="rounded-xl border-2 border-stone-400 p-3">
                <h3 className="font-semibold">The body: {output.anatomy.model}</h3>
                <p className="text-sm">
                  {output.anatomy.layers} layers, {output.anatomy.hiddenSize} numbers per token, <span className="font-mono">{count(output.anatomy.bodyParams)}</span> parameters in all.
                </p>
              </article>
              <ScaleChart anatomy={output.anatomy} />
              <h3 className="font-semibold">The heads, reading the same pass</h3>
              <div className="grid gap-3 md:grid-cols-2">
                {output.readings.map((r) => (
                  <HeadCard key={r.name} reading={r} head={output.anatomy.heads.find((h) => h.name === r.name)} tokens={output.tokens} shown={focus === r.name} onShow={() => setFocus(focus === r.name ? null : r.name)} />
                ))}
              </div>
              {output.refused.map((r) => (
                <p key={r.name} className="text-sm text-stone-600 dark:text-stone-400">
                  Your head “{r.name}” does not fit this body: {r.why}.
                </p>
              ))}
              <HiddenPicture tokens={output.tokens} hidden={output.hidden} focus={focused ? { name: focused.name, reads: focused.reads } : null} />
            </div>
          )}
          <DriftPanel key={params.model} model={params.model} tuned={params.tuned} drift={drift} onTuned={(tuned) => setMirror({ tuned })} />
        </div>
        <MirrorExplainer />
      </div>
    </section>
  );
}
