/** The words of the connection indicator, kept apart from React so they can be tested as they are. */
import type { CachedModel } from '@/lib/model-cache';
import type { ShellStatus } from './service-worker';

const trim = (url: string) => url.replace(/\/+$/, '');

/** A short name for the model host: its host name, or "this site" for a pack served next to the app. */
export function hostLabel(host: string, pageBase: string): string {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    return host;
  }
  const base = new URL('.', pageBase);
  if (url.origin === base.origin && `${trim(url.href)}/`.startsWith(base.href)) return 'this site';
  return url.host;
}

/** Cached models that came from this host (a model cached from another mirror is another download). */
export function cachedFrom(models: readonly CachedModel[], host: string): CachedModel[] {
  return models.filter((m) => trim(m.host) === trim(host));
}

export function shellText(status: ShellStatus): string {
  switch (status.state) {
    case 'ready':
      return 'Works offline: this page opens without a connection.';
    case 'installing':
      return 'Saving the app for offline use…';
    case 'update':
      return 'A new version of the app is saved. Reload to use it.';
    case 'off':
      return 'Offline use is off on the development server.';
    case 'unsupported':
      return 'This browser cannot keep the app for offline use (no service workers).';
    case 'error':
      return `The app could not be saved for offline use${status.detail ? ` (${status.detail})` : ''}.`;
  }
}

/**
 * What to tell someone whose model could not load for want of a connection: the model is not in
 * this browser's cache, and which ones are, so the lesson can go on with one of them.
 *  - Offline (the browser says so): always.
 *  - Online with a network failure (the school's internet cut while its network is up, or a download
 *    that broke): only when other models are cached, as a way on; the cause is the engine's to say.
 */
export function offlineMissing(
  model: string,
  host: string,
  cached: readonly CachedModel[],
  online = false,
  label = host,
): string | undefined {
  const here = cachedFrom(cached, host).map((m) => m.model);
  const others = here.filter((m) => m !== model);
  const partly = here.includes(model);
  if (online) {
    if (others.length === 0) return undefined;
    const state = partly ? 'only partly in' : 'not in';
    return `“${model}” is ${state} this browser's cache, so it needs the model host (${label}) to load. Cached and ready without it: ${others.join(', ')}.`;
  }
  const inCache = partly
    ? `“${model}” is only partly in this browser's cache, so it needs the connection to finish loading.`
    : `“${model}” is not in this browser's cache, so it needs the connection (or a model pack on the school network) to load.`;
  const instead = others.length > 0 ? ` Cached and ready offline: ${others.join(', ')}.` : ' No other model from this host is cached.';
  return `You are offline. ${inCache}${instead}`;
}
