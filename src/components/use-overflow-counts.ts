import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Overflow {
  /** Items wholly or partly hidden to the left of the scroller's view. */
  before: number;
  /** Items wholly or partly hidden to the right. */
  after: number;
}

/** How many of a horizontal scroller's children are out of its view, kept current as it scrolls or resizes. */
export function useOverflowCounts(ref: RefObject<HTMLElement | null>): Overflow {
  const [counts, setCounts] = useState<Overflow>({ before: 0, after: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const view = el.getBoundingClientRect();
      let before = 0;
      let after = 0;
      for (const child of el.children) {
        const box = child.getBoundingClientRect();
        if (box.left < view.left - 1) before++;
        else if (box.right > view.right + 1) after++;
      }
      setCounts((c) => (c.before === before && c.after === after ? c : { before, after }));
    };
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      resize.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [ref]);
  return counts;
}
