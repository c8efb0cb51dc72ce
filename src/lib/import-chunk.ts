import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/*
 * [1] A lazily loaded part of the app (a hat's form, output or explainer) that fails to load once, say
 *     because a host answered it with its start page (HTML, status 200) during a deploy, stays failed:
 *     the browser keeps the failure under the module's URL, and a reload may meet the same copy. The
 *     same file under a fresh query is another module to the browser, fetched anew past any cache
 *     (the service worker's offline copy matches exact URLs only). One such retry, then the error shows.
 */

/** The chunk's address in the browser's "failed to load" message (Chromium, Firefox; Safari gives none). */
export function chunkUrl(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const m = /(?:failed to fetch|error loading) dynamically imported module:\s*(\S+)/i.exec(message);
  return m?.[1];
}

/** The chunk's address with a query no copy of it was stored under. */
export function freshUrl(url: string, now = Date.now()): string {
  return `${url}${url.includes('?') ? '&' : '?'}fresh=${now}`;
}

/** `load()`, and when the chunk failed to load, the same chunk fetched fresh once. */
export async function importChunk<T>(load: () => Promise<T>, importUrl: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url)): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const url = chunkUrl(error);
    if (!url) throw error;
    return (await importUrl(freshUrl(url))) as T;
  }
}

/** What React's `lazy` takes: a component of any props. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

/** A lazily loaded part of a hat that can be fetched before it is first drawn. */
export type LazyPart<T extends AnyComponent> = LazyExoticComponent<T> & {
  /** Loads the part's chunk; settles once it is in or failed (a failure is left for the first render to meet, and retry). */
  preload(): Promise<void>;
};

/*
 * [2] A hat's Output is drawn only when the first answer arrives, so as a plain lazy component its
 *     chunk (and the chunks it imports) began to load only then, after the model had loaded and run:
 *     the answer waited behind "Opening…" for a fetch that could have happened during the model's
 *     load. One promise serves both the preload and the render.
 */
export function lazyPart<T extends AnyComponent>(load: () => Promise<{ default: T }>): LazyPart<T> {
  let loading: Promise<{ default: T }> | undefined;
  const once = () => {
    loading ??= importChunk(load);
    return loading;
  };
  return Object.assign(
    lazy(once),
    {
      preload: () =>
        once().then(
          () => undefined,
          () => {
            // Forgotten, so the render asks again (importChunk retries the chunk fresh once there too).
            loading = undefined;
          },
        ),
    },
  );
}
