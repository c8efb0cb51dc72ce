import { useEffect, useMemo, useState } from 'react';
import { clampInside, pickNotice, type InsideLink, type InsideNote, type InsideSupport, type InsideView } from '@/lib/inside';
import { formatBytes } from '@/lib/format';
import { AttentionView } from './AttentionView';
import { HiddenView } from './HiddenView';
import { INSIDE_TEXT } from './inside-text';
import { LayerPicker } from './LayerPicker';
import { LensView } from './LensView';
import { useInside, type InsideActions } from './use-inside';

interface Props {
  support: InsideSupport;
  params: unknown;
  actions: InsideActions;
  /** Changes when another model is loaded: the plan is asked again. */
  model: unknown;
  /** Changes when the hat's run has a new answer: the panel looks again. */
  runKey: unknown;
  /** The run's output, for the input the hat prefers to show (InsideSupport.pick.preferred). */
  output: unknown;
  link: InsideLink;
  onLink(link: InsideLink | null): void;
  /** Looks start by themselves up to this many bytes (the auto-download limit). */
  autoBytes: number;
  notify(text: string): void;
}

const VIEW_NAMES: Record<InsideView, string> = { attention: 'Attention', lens: 'Logit lens', hidden: 'Hidden states' };

/** Inside the hat's model: attention, the logit lens and the hidden states, with the numbers behind each. */
export function InsidePanel({ support, params, actions, model, runKey, output, link, onLink, autoBytes, notify }: Props) {
  const preferred = output === undefined ? undefined : support.pick?.preferred?.(output);
  const pick = link.pick !== undefined ? link.pick - 1 : preferred;
  const inside = useInside(actions, params, model, runKey, autoBytes, support.pick ? pick : undefined);
  const { plan, look } = inside;
  const picks = look?.picks;
  useEffect(() => {
    // The link asked for an input past the ones this run has: say so once, and fall back to the hat's default.
    if (!picks || link.pick === undefined || link.pick <= picks.names.length) return;
    const fallback = preferred !== undefined && preferred < picks.names.length ? preferred : 0;
    notify(pickNotice(support.pick?.param ?? 'input', link.pick, picks.names.length, fallback));
    onLink({ ...link, pick: undefined });
  }, [picks, link, preferred, support.pick, notify, onLink]);
  const shape = plan && plan.layers > 0 ? { layers: plan.layers, heads: plan.heads } : undefined;
  const clamped = useMemo(() => (shape ? clampInside(link, shape) : undefined), [link, shape?.layers, shape?.heads]); // eslint-disable-line react-hooks/exhaustive-deps
  const [embeddings, setEmbeddings] = useState(false);
  useEffect(() => clamped?.notices.forEach((n) => notify(n)), [clamped, notify]);
  const gap = plan?.gaps[link.view] ?? look?.gaps[link.view];
  const setLayer = (layer: number) => onLink({ ...link, layer });
  const text = (note: InsideNote) => support.notes?.[note] ?? INSIDE_TEXT[note];

  return (
    <section aria-labelledby="inside-title" data-testid="inside-panel" data-view={link.view} className="panel flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="inside-title" className="font-semibold">
          Inside the model
        </h3>
        <button type="button" className="btn" onClick={() => onLink(null)}>
          Close
        </button>
      </div>
      <div role="tablist" aria-label="What to look at" className="flex flex-wrap gap-1">
        {support.views.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={v === link.view} className="btn" onClick={() => onLink({ ...link, view: v })}>
            {VIEW_NAMES[v]}
          </button>
        ))}
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-300">{text(link.view === 'attention' ? 'head' : link.view)}</p>
      {link.view === 'attention' && <p className="text-sm text-stone-600 dark:text-stone-300">{text('special')}</p>}
      {inside.error && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-2 text-sm dark:bg-red-950">
          {inside.error}
        </p>
      )}
      {!plan && !inside.error && <p className="text-sm">Reading what this model holds…</p>}
      {gap && (
        <p role="status" data-testid="inside-gap" className="rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm dark:bg-amber-950">
          {gap}
        </p>
      )}
      {plan && plan.source && !look && !gap && (
        <p role="status" className="text-sm" data-testid="inside-plan">
          Looking inside rebuilds the body from {plan.source}'s PyTorch weights:{' '}
          {plan.cached ? 'already downloaded.' : `${formatBytes(plan.bytes)} to download.`}{' '}
          {inside.looking ? (
            inside.progress ? `${formatBytes(inside.progress.loaded)} of ${formatBytes(inside.progress.total)}…` : 'Working…'
          ) : (
            <button type="button" className="btn" onClick={inside.start}>
              Download and look inside
            </button>
          )}
        </p>
      )}
      {look && clamped && !gap && (
        <div className="flex flex-col gap-3">
          <p className="text-xs text-stone-500">
            Rebuilt from {look.source} ({look.dtype}), for: {support.caption(params)}
          </p>
          {picks && picks.names.length > 1 && (
            <LayerPicker
              label={picks.label}
              value={pick !== undefined && pick < picks.names.length ? pick + 1 : picks.shown + 1}
              count={0}
              before={picks.names.map((name, i) => [String(i + 1), `${i + 1}: ${name}`])}
              onChange={(v) => onLink({ ...link, pick: Number(v) })}
            />
          )}
          {link.view === 'attention' &&
            look.attention.map((map) => (
              // A model with several attentions (encoder, decoder, cross) shows each under its name.
              <section key={map.name} data-testid="attention-map" data-name={map.name} aria-label={`${map.name} attention`} className="flex flex-col gap-2">
                {look.attention.length > 1 && <h4 className="font-semibold capitalize">{map.name} attention</h4>}
                <AttentionView map={map} layer={clamped.layer} head={clamped.head} onLayer={setLayer} onHead={(head) => onLink({ ...link, head })} picture={look.picture} />
              </section>
            ))}
          {link.view === 'lens' && look.lens && <LensView lens={look.lens} />}
          {link.view === 'hidden' && look.hidden && (
            <HiddenView
              hidden={look.hidden}
              layer={embeddings ? 0 : clamped.layer}
              onLayer={(layer) => {
                setEmbeddings(layer === 0);
                if (layer > 0) setLayer(layer);
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
