import { useLayoutEffect, type RefObject } from 'react';

// Below this the stage would be too small to read; the page scrolls instead.
const MIN_STAGE_PX = 280;
const BOTTOM_GAP_PX = 8;

/**
 * In presenter mode on a wide screen, the stage (the hat's input and output) takes the rest of
 * the first screen, so the class sees both without anyone scrolling; what is below it (tokens,
 * the explanation) is one scroll or one link away. Measured, because what sits above the stage
 * (a lesson note, an opened disclosure) changes its top.
 */
export function useStageHeight(ref: RefObject<HTMLElement | null>, on: boolean): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !on) return;
    const wide = matchMedia('(min-width: 1024px)');
    const fit = () => {
      if (!wide.matches) return el.style.removeProperty('height');
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.height = `${Math.max(MIN_STAGE_PX, Math.floor(window.innerHeight - top - BOTTOM_GAP_PX))}px`;
    };
    fit();
    const resize = new ResizeObserver(fit);
    resize.observe(document.body);
    window.addEventListener('resize', fit);
    wide.addEventListener('change', fit);
    return () => {
      resize.disconnect();
      window.removeEventListener('resize', fit);
      wide.removeEventListener('change', fit);
      el.style.removeProperty('height');
    };
  }, [ref, on]);
}
