import { createContext, useContext } from 'react';

/**
 * Where a hat's Form wants its output drawn (see `outputInForm` in src/hats/types.ts): the shell hands
 * a ref callback down, the Form puts `<OutputSlot />` right under the results it makes, and the shell
 * draws the output panel there. Without a shell that listens (tests, presenter mode) the slot stays empty.
 */
export const OutputSlotContext = createContext<((element: HTMLElement | null) => void) | null>(null);

export function OutputSlot() {
  const ref = useContext(OutputSlotContext);
  return <div ref={ref ?? undefined} data-testid="output-slot" className="empty:hidden" />;
}
