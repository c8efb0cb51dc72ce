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
  openChoice(hatId: string, choice: HatChoice): void;
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
        choices: s.choices[id] ? s.choices : { ...s.choices, [id]: defaultChoice(hat) },
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
    openChoice(hatId, choice) {
      set((s) => ({ hatId, choices: { ...s.choices, [hatId]: choice }, run: { phase: 'idle' }, opened: s.opened + 1 }));
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
