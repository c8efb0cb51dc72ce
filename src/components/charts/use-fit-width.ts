import { useLayoutEffect, useRef, useState } from 'react';

// Narrower than this, a chart is drawn at this width and scaled down.
const MIN_WIDTH = 240;

/**
 * The width, in SVG units, a chart should draw itself at: its natural width, or the width it has
 * on screen when that is less, so that on a phone one SVG unit is one pixel and an 11-unit label
 * is 11 px tall instead of scaled down to 7.
 */
export function useFitWidth(natural: number) {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(natural);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const shown = el.getBoundingClientRect().width;
      if (shown > 0) setWidth(Math.round(Math.min(natural, Math.max(MIN_WIDTH, shown))));
    };
    fit();
    const resize = new ResizeObserver(fit);
    resize.observe(el);
    return () => resize.disconnect();
  }, [natural]);
  return { ref, width };
}
