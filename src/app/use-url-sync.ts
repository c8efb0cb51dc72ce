import { useEffect } from 'react';
import { useClassroom } from './classroom/classroom-store';
import { currentChoice, currentHat, useApp } from './store';
import { serializeLink } from './share-link';

/** `?lesson=…&step=N` while a lesson is open, else the share link; `present=1` in presenter mode. */
function currentQuery(): string {
  const { open, presenter } = useClassroom.getState();
  const present = presenter ? '&present=1' : '';
  if (open) return `?lesson=${open.encoded}&step=${open.index + 1}${present}`;
  const s = useApp.getState();
  return `${serializeLink(currentHat(s), currentChoice(s))}${present}`;
}

/** Writes the current hat and inputs (or the open lesson) into the address bar (debounced), so the URL is always a share link. */
export function useUrlSync(): void {
  const hatId = useApp((s) => s.hatId);
  const choice = useApp(currentChoice);
  const open = useClassroom((s) => s.open);
  const presenter = useClassroom((s) => s.presenter);
  useEffect(() => {
    const timer = setTimeout(writeUrlNow, 300);
    return () => clearTimeout(timer);
  }, [hatId, choice, open, presenter]);
}

/** Puts the current state into the address bar now (before a reload, say), without the debounce. */
export function writeUrlNow(): void {
  const query = currentQuery();
  if (query !== location.search) history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
}

export function shareUrl(): string {
  const s = useApp.getState();
  const present = useClassroom.getState().presenter ? '&present=1' : '';
  return `${location.origin}${location.pathname}${serializeLink(currentHat(s), currentChoice(s))}${present}`;
}

/** The link a QR code shows: the open lesson at its current step, else the share link. */
export function currentUrl(): string {
  return `${location.origin}${location.pathname}${currentQuery()}`;
}

export function lessonUrl(encoded: string): string {
  const present = useClassroom.getState().presenter ? '&present=1' : '';
  return `${location.origin}${location.pathname}?lesson=${encoded}${present}`;
}
