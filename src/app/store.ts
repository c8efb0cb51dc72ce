import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InputProblem } from '@/hats/types';
import { defaultHat, findHat, hats } from '@/hats/registry';
import { appSlice, type AppSlice } from './app-slice';
import { mirrorFromAddress, mirrorSlice, type MirrorSlice } from './mirror/mirror-slice';
import { classroomSlice, openClassroomLink, type ClassroomSlice } from './classroom/classroom-slice';
import { settingsSlice, type KeyValueStorage, type SettingsSlice } from './settings';
import { defaultChoice, parseLink, type HatChoice } from './share-link';

export type { ModelPhase, ModelState, RunState } from './app-slice';

/** The page's one store, in slices: the app (hat, choice, model, run, notices), the classroom, the settings, the mirror view. */
export type AppState = AppSlice & ClassroomSlice & SettingsSlice & MirrorSlice;
export type AppStore = StoreApi<AppState>;

export interface StoreInit {
  /** The address's query the page was opened with: a share link or a lesson link. */
  search?: string;
  /** Where settings and the lesson draft are kept between visits. */
  storage?: KeyValueStorage;
}

/** Makes the store from the page's address; main.tsx calls it once, tests as often as they like. */
export function createAppStore({ search = '', storage }: StoreInit = {}): AppStore {
  const view = mirrorFromAddress(search);
  // The mirror's model and text are its own: the hats start from their defaults behind it.
  const link = parseLink(view.mirror ? '' : search, hats, defaultHat);
  if (view.notices.length) link.notices.push(...view.notices);
  const store = createStore<AppState>()((set, get) => ({
    ...appSlice(link, set, get),
    ...mirrorSlice(view.mirror, set),
    ...classroomSlice(storage, set, get),
    ...settingsSlice(storage, set, get),
  }));
  // A lesson link decides the first hat and model, before anything loads.
  openClassroomLink(store.getState(), search);
  return store;
}

export function currentHat(state: Pick<AppState, 'hatId'>) {
  return findHat(state.hatId) ?? defaultHat;
}

export function currentChoice(state: Pick<AppState, 'hatId' | 'choices' | 'demo'>): HatChoice {
  return state.choices[state.hatId] ?? defaultChoice(currentHat(state), state.demo);
}

let checked: { key: readonly unknown[]; problem: InputProblem | null } | undefined;

/**
 * What keeps the current input from running, if anything. The hat validates each input once: the
 * controller (to hold the run) and the hat view (to say why) read the same answer.
 */
export function inputProblem(state: AppState): InputProblem | null {
  const hat = currentHat(state);
  const key = [hat, currentChoice(state).params, state.model.info?.facts, state.setParams] as const;
  if (!checked || checked.key.some((k, i) => k !== key[i])) {
    checked = { key, problem: hat.validate(key[1], key[2], state.setParams) };
  }
  return checked.problem;
}
