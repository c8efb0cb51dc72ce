import type { HatActions } from './types';

/** For component tests of hats that never call their adapter: any call fails the test. */
export const noActions: HatActions<never, never> = {
  call() {
    throw new Error('This component should not call its adapter.');
  },
};

/** The shell's props for a finished, live output (not streaming, not stopped). */
export const settledOutput = { running: false, stopped: false, actions: noActions } as const;
