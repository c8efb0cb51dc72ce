import type { Progress, RunResult } from '@/engine/client';
import type { InspectInfo, LoadedInfo, WorkerError } from '@/engine/protocol';
import type { Notice } from '@/components/Notices';
import { findHat } from '@/hats/registry';
import type { InsideLink } from '@/lib/inside';
import { defaultChoice, type HatChoice, type LinkState } from './share-link';

export type ModelPhase = 'idle' | 'inspecting' | 'awaiting' | 'loading' | 'ready' | 'error';

export interface ModelState {
  phase: ModelPhase;
  inspect?: InspectInfo;
  info?: LoadedInfo;
  progress?: Progress;
  error?: WorkerError;
}

export interface RunState {
  phase: 'idle' | 'running' | 'ready' | 'error';
  result?: RunResult;
  /** The latest partial output of the run in flight (streaming hats). */
  partial?: unknown;
  /** Stop was pressed: the run goes on until the worker hands back what it has. */
  stopping?: boolean;
  error?: WorkerError;
}

/** The app slice: which hat, what the person chose for it, and where its model and run are. */
export interface AppSlice {
  hatId: string;
  /** Models come from the demo wardrobe built into the app (`host=demo`), not the host in Settings. */
  demo: boolean;
  /** Whether the model host last answered: set by the controller, read by the connection badge. */
  reach?: { host: string; ok: boolean };
  choices: Record<string, HatChoice>;
  model: ModelState;
  run: RunState;
  notices: Notice[];
  /** The open Inside panel (view, layer, head), or null; it is part of the share link. */
  inside: InsideLink | null;
  /** Counts hats and inputs opened as a whole (a lesson step): each one runs at once, like a fresh link. */
  opened: number;
  selectHat(id: string): void;
  updateChoice(patch: Partial<HatChoice>): void;
  /** The person's edit of the params (a lesson step's locked params stay as the teacher set them). */
  setParams(params: unknown): void;
  /** Opens a hat with these choices (a lesson step); `demo` when its link chose the demo wardrobe. */
  openChoice(hatId: string, choice: HatChoice, demo?: boolean): void;
  /** Switches to (or away from) the demo wardrobe: every hat starts again on that wardrobe's default, keeping typed inputs. */
  setDemo(on: boolean): void;
  setReach(reach: { host: string; ok: boolean }): void;
  setModel(model: ModelState): void;
  setRun(run: RunState): void;
  notify(text: string, tone?: Notice['tone']): void;
  setInside(inside: InsideLink | null): void;
  dismiss(id: number): void;
}

type Set = (partial: Partial<AppSlice> | ((s: AppSlice) => Partial<AppSlice>)) => void;
/** What the app slice asks of the others: the open lesson step's locks. */
type Get = () => AppSlice & { keepLocked(params: unknown): unknown };

export function appSlice(link: LinkState, set: Set, get: Get): AppSlice {
  let noticeId = 1;
  return {
    hatId: link.hatId,
    demo: link.demo,
    choices: { [link.hatId]: link.choice },
    notices: link.notices.map((text) => ({ id: noticeId++, tone: 'warning', text })),
    model: { phase: 'inspecting' },
    run: { phase: 'idle' },
    inside: link.inside,
    opened: 0,
    selectHat(id) {
      const hat = findHat(id);
      if (!hat || id === get().hatId) return;
      set((s) => ({
        hatId: id,
        choices: s.choices[id] ? s.choices : { ...s.choices, [id]: defaultChoice(hat, s.demo) },
        run: { phase: 'idle' },
        inside: hat.inside ? s.inside : null,
      }));
    },
    updateChoice(patch) {
      set((s) => ({ choices: { ...s.choices, [s.hatId]: { ...s.choices[s.hatId]!, ...patch } } }));
    },
    setParams(params) {
      get().updateChoice({ params: get().keepLocked(params) });
    },
    openChoice(hatId, choice, demo = get().demo) {
      set((s) => ({ hatId, demo, choices: { ...s.choices, [hatId]: choice }, run: { phase: 'idle' }, opened: s.opened + 1 }));
    },
    setDemo(on) {
      const s = get();
      const hat = findHat(s.hatId);
      if (on === s.demo || !hat) return;
      const now = s.choices[s.hatId] ?? defaultChoice(hat, s.demo);
      const next = defaultChoice(hat, on);
      // Inputs the person typed stay; the wardrobe's own starting inputs give way to the other's.
      const typed = JSON.stringify(now.params) !== JSON.stringify(defaultChoice(hat, s.demo).params);
      set({ demo: on, choices: { [s.hatId]: { ...next, params: typed ? now.params : next.params } }, run: { phase: 'idle' } });
    },
    setReach(reach) {
      const r = get().reach;
      if (r?.host !== reach.host || r.ok !== reach.ok) set({ reach });
    },
    setModel(model) {
      set({ model });
    },
    setRun(run) {
      set({ run });
    },
    notify(text, tone = 'info') {
      set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: noticeId++, tone, text }] }));
    },
    setInside(inside) {
      set({ inside });
    },
    dismiss(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
  };
}
