import { useState } from 'react';

/** `value`, except while a run streams: then the value it had when the stream began. */
export function useHeldWhileStreaming<T>(value: T, streaming: boolean): T {
  const [held, setHeld] = useState<{ value: T } | null>(null);
  // State set while rendering (React's pattern for state that follows props): no effect, no extra commit.
  if (streaming && held === null) setHeld({ value });
  if (!streaming && held !== null) setHeld(null);
  return streaming && held !== null ? held.value : value;
}
