import { useId, useState } from 'react';
import { useApp } from '../app-context';
import { modelHost } from '../demo-wardrobe';
import { currentChoice } from '../store';
import { ConnectionDetails } from './ConnectionDetails';
import { useCachedModels, useOnline, useShell } from './hooks';
import { cachedFrom, hostLabel, offlineMissing } from './status';

/**
 * The header's connection indicator: online or not, which model host, how many of its models are
 * cached, and whether the app itself works offline. Opens into the details; when the network or the
 * host is gone and the chosen model cannot load, it says what is missing.
 */
export function ConnectionStatus() {
  const online = useOnline();
  const shell = useShell();
  const host = useApp(modelHost);
  const demo = useApp((s) => s.demo);
  // Online means the browser has a network, not that the model host answers: say which.
  const unreachable = useApp((s) => s.reach?.host === host && !s.reach.ok);
  const phase = useApp((s) => s.model.phase);
  const networkError = useApp((s) => s.model.error?.kind === 'network');
  const model = useApp((s) => currentChoice(s).model);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  // [1] Read the cache again when a model finishes loading (it was just stored) or the network changes.
  const { models, error } = useCachedModels(`${phase}|${online}|${open}|${host}`);
  const here = models ? cachedFrom(models, host) : undefined;
  const label = demo ? 'demo wardrobe (built in)' : hostLabel(host, document.baseURI);
  const missing = phase === 'error' && (!online || networkError) && models ? offlineMissing(model, host, models, online, label) : undefined;

  return (
    <div className="flex flex-col items-end gap-1" data-testid="connection">
      <button
        type="button"
        className="btn flex flex-wrap items-center gap-x-2 text-left text-xs"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="connection-status"
        data-online={online}
        data-reach={unreachable ? 'unreachable' : 'ok'}
        data-shell={shell.state}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${!online ? 'bg-red-600' : unreachable ? 'bg-amber-500' : 'bg-emerald-500'}`} />
        <span>{!online ? 'Offline' : unreachable ? 'Online, model host unreachable' : 'Online'}</span>
        {/* On the projector and on a phone the dot says enough; the details are a click away. */}
        <span className="text-stone-500 max-sm:hidden presenter:hidden dark:text-stone-400">· {label}</span>
        <span className="text-stone-500 max-sm:hidden presenter:hidden dark:text-stone-400" data-testid="cached-count">
          · {here ? `${here.length} cached` : '…'}
        </span>
        {shell.state === 'ready' && <span className="text-emerald-700 dark:text-emerald-400">· works offline</span>}
        {shell.state === 'update' && <span className="text-amber-700 dark:text-amber-400">· update ready</span>}
      </button>
      {open && <ConnectionDetails id={panelId} online={online} host={host} unreachable={unreachable} shell={shell} cached={models} cacheError={error} />}
      {missing && (
        <p role="alert" data-testid="offline-missing" className="max-w-md rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm dark:border-red-800 dark:bg-red-950">
          {missing}
        </p>
      )}
    </div>
  );
}
