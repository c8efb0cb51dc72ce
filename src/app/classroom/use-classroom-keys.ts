import { useEffect } from 'react';
import { hats } from '@/hats/registry';
import { useAppStore } from '../app-context';

// Widgets whose arrow keys already mean something: stepping must not steal them.
const OWN_ARROWS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role=slider], [role=spinbutton], [role=listbox], [role=combobox], [role=radiogroup], [role=tablist], [role=grid], [role=menu], [role=tree]';

/** True while the person is typing or using a control that reads arrow keys itself. */
export function ownsKeys(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(OWN_ARROWS) !== null;
}

/**
 * ←/→ and PageUp/PageDown (what a presentation clicker sends) step through the lesson, or in
 * presenter mode through the hats; S spotlights the output; Escape leaves the spotlight, then
 * presenter mode.
 */
export function useClassroomKeys(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const c = store.getState();
      if (!c.presenter && !c.open) return;
      const step = e.key === 'ArrowRight' || e.key === 'PageDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'PageUp' ? -1 : 0;
      if (step !== 0) {
        e.preventDefault();
        if (c.open) return c.goStep(c.open.index + step);
        // The mirror covers the hats: a step would change the hat behind it, unseen.
        if (c.mirror) return;
        const next = hats[hats.findIndex((h) => h.id === c.hatId) + step];
        if (next) c.selectHat(next.id);
        return;
      }
      if (!c.presenter) return;
      if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        c.setSpotlight(!c.spotlight);
      } else if (e.key === 'Escape') {
        if (c.spotlight) c.setSpotlight(false);
        else c.setPresenter(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
