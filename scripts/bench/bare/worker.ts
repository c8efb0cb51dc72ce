// The bare loop in a worker, where the app runs its own (the app's inference never runs on the page's
// main thread): messages are { id, call, args } in and { id, result } or { id, error } out.
import * as loop from './core';

type Call = keyof typeof loop;

self.onmessage = async ({ data }: MessageEvent<{ id: number; call: Call; args: unknown[] }>) => {
  try {
    const result = await (loop[data.call] as (...args: unknown[]) => Promise<unknown>)(...data.args);
    self.postMessage({ id: data.id, result });
  } catch (e) {
    self.postMessage({ id: data.id, error: e instanceof Error ? e.message : String(e) });
  }
};
