import { formatBytes } from '@/lib/format';
import type { CachedModel } from '@/lib/model-cache';
import { useApp } from '../app-context';
import { DemoOffer } from './DemoBanner';
import { useSitePack } from './site-pack';
import { applyShellUpdate, type ShellStatus } from './service-worker';
import { cachedFrom, shellText } from './status';

interface Props {
  id: string;
  online: boolean;
  host: string;
  /** The model host did not answer the last time a model was asked for. */
  unreachable: boolean;
  shell: ShellStatus;
  cached: CachedModel[] | undefined;
  cacheError: string;
}

/** The indicator, opened: network, model host, cached models, the offline app and a pack on this site. */
export function ConnectionDetails({ id, online, host, unreachable, shell, cached, cacheError }: Props) {
  const setSettings = useApp((s) => s.setSettings);
  const pack = useSitePack();
  const here = cached ? cachedFrom(cached, host) : [];
  const elsewhere = cached ? cached.length - here.length : 0;

  return (
    <section id={id} aria-label="Connection and offline use" className="panel flex w-full max-w-md flex-col gap-2 text-sm" data-testid="connection-details">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-medium">Network</dt>
        <dd>{online ? 'Online' : 'Offline: the browser reports no connection. Cached models keep working.'}</dd>
        <dt className="font-medium">Model host</dt>
        <dd className="break-all font-mono text-xs" data-testid="connection-host">
          {host}
        </dd>
        {unreachable && (
          <dd className="col-start-2" data-testid="host-unreachable">
            Did not answer the last time a model was asked for: the network may filter it, or it is down.
          </dd>
        )}
        <dt className="font-medium">This app</dt>
        <dd data-testid="shell-state">{shellText(shell)}</dd>
      </dl>
      {(unreachable || !online) && <DemoOffer />}
      {shell.state === 'update' && (
        <button type="button" className="btn self-start" onClick={applyShellUpdate}>
          Reload to update
        </button>
      )}
      <h3 className="font-semibold">Cached from this host</h3>
      {cacheError && <p role="alert">{cacheError}</p>}
      {!cached && !cacheError && <p>Reading the cache…</p>}
      {cached && here.length === 0 && <p>No model from this host is cached yet: each one is stored the first time it loads.</p>}
      {here.length > 0 && (
        <ul aria-label="Models cached from this host" className="flex flex-col gap-0.5">
          {here.map((m) => (
            <li key={m.key}>
              <span className="font-mono">{m.model}</span> <span className="text-stone-500">· {formatBytes(m.bytes)}</span>
            </li>
          ))}
        </ul>
      )}
      {elsewhere > 0 && <p className="text-stone-500">{elsewhere} more cached from other hosts (see Settings).</p>}
      {pack && pack.host !== host.replace(/\/+$/, '') && (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-sky-300 bg-sky-50 px-2 py-1.5 dark:border-sky-800 dark:bg-sky-950">
          <span>
            This site carries a model pack ({pack.models.length} {pack.models.length === 1 ? 'model' : 'models'}).
          </span>
          <button type="button" className="btn" onClick={() => setSettings({ host: pack.host })}>
            Use this site&apos;s models
          </button>
        </div>
      )}
    </section>
  );
}
