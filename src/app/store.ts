import { create } from 'zustand';
import type { Progress, RunResult } from '@/engine/client';
import type { InspectInfo, LoadedInfo, WorkerError } from '@/engine/protocol';
import { defaultHat, findHat, hats } from '@/hats/registry';
import { defaultChoice, parseLink, type HatChoice } from './share-link';
import { loadSettings, saveSettings, type Settings } from './settings';

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

export interface Notice {
  id: number;
  tone: 'info' | 'warning';
  text: string;
}

export interface AppState {
  hatId: string;
  choices: Record<string, HatChoice>;
  model: ModelState;
  run: RunState;
  notices: Notice[];
  settings: Settings;
  selectHat(id: string): void;
  updateChoice(patch: Partial<HatChoice>): void;
  setParams(params: unknown): void;
  setModel(model: ModelState): void;
  setRun(run: RunState): void;
  notify(text: string, tone?: Notice['tone']): void;
  dismiss(id: number): void;
  setSettings(patch: Partial<Settings>): void;
}

let noticeId = 1;

function initial() {
  const link = parseLink(typeof location === 'undefined' ? '' : location.search, hats, defaultHat);
  return {
    hatId: link.hatId,
    choices: { [link.hatId]: link.choice },
    notices: link.notices.map((text) => ({ id: noticeId++, tone: 'warning' as const, text })),
  };
}

export const useApp = create<AppState>()((set, get) => ({
  ...initial(),
  model: { phase: 'inspecting' },
  run: { phase: 'idle' },
  settings: loadSettings(),
  selectHat(id) {
    const hat = findHat(id);
    if (!hat || id === get().hatId) return;
    set((s) => ({
      hatId: id,
      choices: s.choices[id] ? s.choices : { ...s.choices, [id]: defaultChoice(hat) },
      run: { phase: 'idle' },
    }));
  },
  updateChoice(patch) {
    set((s) => ({ choices: { ...s.choices, [s.hatId]: { ...s.choices[s.hatId]!, ...patch } } }));
  },
  setParams(params) {
    get().updateChoice({ params });
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
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
  setSettings(patch) {
    const settings = { ...get().settings, ...patch };
    saveSettings(settings);
    set({ settings });
  },
}));

export function currentHat(state: Pick<AppState, 'hatId'>) {
  return findHat(state.hatId) ?? defaultHat;
}

export function currentChoice(state: Pick<AppState, 'hatId' | 'choices'>): HatChoice {
  return state.choices[state.hatId] ?? defaultChoice(currentHat(state));
}
