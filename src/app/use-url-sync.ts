import { useEffect } from 'react';
import { currentChoice, currentHat, useApp } from './store';
import { serializeLink } from './share-link';

/** Writes the current hat and inputs into the address bar (debounced), so the URL is always a share link. */
export function useUrlSync(): void {
  const hatId = useApp((s) => s.hatId);
  const choice = useApp(currentChoice);
  useEffect(() => {
    const timer = setTimeout(() => {
      const query = serializeLink(currentHat({ hatId }), choice);
      if (query !== location.search) history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    }, 300);
    return () => clearTimeout(timer);
  }, [hatId, choice]);
}

export function shareUrl(): string {
  const s = useApp.getState();
  return `${location.origin}${location.pathname}${serializeLink(currentHat(s), currentChoice(s))}`;
}
