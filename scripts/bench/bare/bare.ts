/// <reference types="vite/client" />
// The benchmark's baseline page: the loop of core.ts on this page's main thread, or in a worker as the
// app runs its own (`placement: 'worker'` when loading). Requests name the same calls either way.
import * as mainThread from './core';
import type { BareLoop, BareSetup } from './core';

interface BareRequest extends BareSetup {
  texts: string[];
  /** Milliseconds of idle before each call (the app's typing pause); 0 runs them back to back. */
  pauseMs?: number;
}

export interface PlacedSetup extends BareSetup {
  /** Where the loop runs: this page's main thread (default) or a dedicated worker. */
  placement?: 'main' | 'worker';
}

declare global {
  interface Window {
    runBare(request: BareRequest): Promise<number[]>;
    bare: Omit<BareLoop, 'load'> & { load(setup: PlacedSetup): Promise<void> };
  }
}

/** The same calls, answered by core.ts in a worker. */
function inWorker(): BareLoop {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  worker.onmessage = ({ data }: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
    const w = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.error !== undefined) w?.reject(new Error(data.error));
    else w?.resolve(data.result);
  };
  const call = <T>(name: keyof BareLoop, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      waiting.set(++next, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id: next, call: name, args });
    });
  return {
    load: (setup) => call('load', setup),
    run: (text) => call('run', text),
    generate: (prompt, tokens) => call('generate', prompt, tokens),
  };
}

let loop: BareLoop = mainThread;

window.bare = {
  async load({ placement = 'main', ...setup }) {
    loop = placement === 'worker' ? inWorker() : mainThread;
    await loop.load(setup);
  },
  run: (text) => loop.run(text),
  generate: (prompt, tokens) => loop.generate(prompt, tokens),
};

window.runBare = async ({ texts, pauseMs = 0, ...setup }) => {
  await window.bare.load(setup);
  const times: number[] = [];
  for (const text of texts) {
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    times.push(await window.bare.run(text));
  }
  return times;
};
