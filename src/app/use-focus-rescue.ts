import { useEffect } from 'react';

const FIELD = 'textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select';

/** The first field of the hat's input panel: where a keyboard user goes on after using the output. */
export function firstInput(): HTMLElement | null {
  const panel = document.getElementById('hat-input');
  return panel?.querySelector<HTMLElement>(`${FIELD}, button, [tabindex="0"]`) ?? panel;
}

/** The worn hat's peg in the strip. */
function wornPeg(): HTMLElement | null {
  return document.querySelector<HTMLElement>('nav[aria-label="Hats"] [aria-current="true"]');
}

/**
 * Keeps keyboard focus somewhere sensible when the focused control goes away under it (a guess
 * written into the text ends the output it was in; a fix button leaves with the problem; a panel
 * closes): a browser drops focus to <body>, and the next Tab starts from the top of the page.
 * What was in the hat's input or output goes on to the input's first field; anything else to the
 * worn hat's peg.
 */
export function useFocusRescue(root: HTMLElement | null): void {
  useEffect(() => {
    if (!root) return;
    let last: Element | null = null;
    let wasInHat = false;
    const onFocus = (e: FocusEvent) => {
      last = e.target instanceof Element ? e.target : null;
      wasInHat = last?.closest('#hat-input, #hat-output-panel') != null;
    };
    const check = () => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (!last || !lost || (last.isConnected && !last.matches(':disabled'))) return;
      last = null;
      const target = (wasInHat ? firstInput() : null) ?? wornPeg();
      target?.focus({ preventScroll: false });
    };
    const mutations = new MutationObserver(check);
    mutations.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    root.addEventListener('focusin', onFocus);
    return () => {
      mutations.disconnect();
      root.removeEventListener('focusin', onFocus);
    };
  }, [root]);
}
