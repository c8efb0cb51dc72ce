import type { Controller } from './controller';
import { serializeMirror } from '@/lib/mirror/params';
import { serializeLink } from './share-link';
import { currentChoice, currentHat, type AppState, type AppStore } from './store';

/** `?lesson=…&step=N` while a lesson is open, else the share link; `present=1` in presenter mode. */
function currentQuery(s: AppState): string {
  const present = s.presenter ? '&present=1' : '';
  if (s.open) return `?lesson=${s.open.encoded}&step=${s.open.index + 1}${present}`;
  return `${shareQuery(s)}${present}`;
}

/** The share link's query: the open view (the mirror), else the hat with its choice (and its Inside panel). */
function shareQuery(s: AppState): string {
  return s.mirror ? `?${serializeMirror(s.mirror)}` : serializeLink(currentHat(s), currentChoice(s), s.inside, s.demo);
}

/** What the address shows besides the hat's own params (those follow the typing pause). */
const shape = (s: AppState) => {
  const { model, dtype, device } = currentChoice(s);
  return [s.hatId, model, dtype, device, s.open, s.presenter, s.inside, s.mirror, s.demo] as const;
};

/**
 * Keeps the address bar a share link of what is on the page: at once for a new hat, model or lesson
 * step, and for typed params when the controller says the input has settled (the same pause as runs).
 */
export function syncAddress(store: AppStore, controller: Controller): () => void {
  const write = () => writeAddress(store.getState());
  const stopSettled = controller.onSettled(write);
  const stopStore = store.subscribe((s, prev) => {
    const now = shape(s);
    const before = shape(prev);
    if (now.some((v, i) => v !== before[i])) write();
  });
  return () => {
    stopSettled();
    stopStore();
  };
}

/** Puts the page's state into the address bar now (also before a reload, which must keep what was typed). */
export function writeAddress(s: AppState): void {
  const query = currentQuery(s);
  if (query !== location.search) history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
}

const here = () => `${location.origin}${location.pathname}`;

export function shareUrl(s: AppState): string {
  return `${here()}${shareQuery(s)}${s.presenter ? '&present=1' : ''}`;
}

/** The link a QR code shows: the open lesson at its current step, else the share link. */
export function currentUrl(s: AppState): string {
  return `${here()}${currentQuery(s)}`;
}

export function lessonUrl(s: AppState, encoded: string): string {
  return `${here()}?lesson=${encoded}${s.presenter ? '&present=1' : ''}`;
}
