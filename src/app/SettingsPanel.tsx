import { useCallback, useEffect, useId, useState } from 'react';
import { clearAllCachedModels, clearCachedModel, listCachedModels, type CachedModel } from '@/lib/model-cache';
import { formatBytes } from '@/lib/format';
import { useIsolation } from './offline/hooks';
import { isolationText } from './offline/isolation';
import { MirrorNeeds } from './offline/MirrorNeeds';
import { DEMO_SIZE } from './demo-wardrobe';
import { BUILD_HOST, isHostUrl, isStallSeconds, STALL_SECONDS } from './settings';
import { useApp } from './app-context';

export function SettingsPanel({ onClose }: { onClose: () => void }) {
  const settings = useApp((s) => s.settings);
  const setSettings = useApp((s) => s.setSettings);
  const demo = useApp((s) => s.demo);
  const setDemo = useApp((s) => s.setDemo);
  const ids = { host: useId(), auto: useId(), stall: useId() };
  const [host, setHost] = useState(settings.host);
  const [hostError, setHostError] = useState('');
  const [cached, setCached] = useState<CachedModel[] | undefined>();
  const [cacheError, setCacheError] = useState('');
  const isolation = useIsolation();

  const refresh = useCallback(() => {
    listCachedModels()
      .then(setCached)
      .catch((e: unknown) => setCacheError(`The browser would not list its cache: ${String(e)}`));
  }, []);
  useEffect(refresh, [refresh]);

  return (
    <section aria-labelledby="settings-title" className="panel flex flex-col gap-4">
      <div className="flex items-start justify-between">
        <h2 id="settings-title" className="text-lg font-semibold">
          Settings
        </h2>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!isHostUrl(host)) return setHostError('The host must be an http:// or https:// address.');
          setHostError('');
          setSettings({ host: host.replace(/\/+$/, '') });
        }}
      >
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor={ids.host} className="text-sm font-medium">
            Model host (the Hub, or a school&apos;s mirror laid out like it)
          </label>
          <input id={ids.host} value={host} onChange={(e) => setHost(e.target.value)} className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-stone-600 dark:bg-stone-900" />
        </div>
        <button type="submit" className="btn">
          Use host
        </button>
        <button type="button" className="btn" onClick={() => (setHost(BUILD_HOST), setSettings({ host: BUILD_HOST }))}>
          Reset to {BUILD_HOST}
        </button>
        {hostError && (
          <p role="alert" className="w-full text-sm text-red-700">
            {hostError}
          </p>
        )}
      </form>
      <MirrorNeeds />
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="demo-setting">
        <span>
          {demo
            ? 'Models come from the demo wardrobe built into this page.'
            : `The demo wardrobe: tiny teaching models with hand-set weights, built into this page (${DEMO_SIZE}, no download). Links to it carry host=demo.`}
        </span>
        <button type="button" className="btn" onClick={() => setDemo(!demo)}>
          {demo ? 'Use the model host above' : 'Use the demo wardrobe'}
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={ids.auto}>Start downloads by themselves up to</label>
        <input
          id={ids.auto}
          type="number"
          min={0}
          step={50}
          value={settings.autoLoadMB}
          onChange={(e) => Number(e.target.value) >= 0 && setSettings({ autoLoadMB: Number(e.target.value) })}
          className="w-20 rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900"
        />
        <span>MB (bigger models wait for a click).</span>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={ids.stall}>Stop a download when the host sends nothing for</label>
        <input
          id={ids.stall}
          type="number"
          min={STALL_SECONDS.min}
          max={STALL_SECONDS.max}
          value={settings.stallSeconds}
          onChange={(e) => isStallSeconds(Number(e.target.value)) && setSettings({ stallSeconds: Number(e.target.value) })}
          className="w-20 rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900"
        />
        <span>seconds.</span>
      </div>
      <p className="text-sm" data-testid="isolation-mode" data-isolation={isolation.state}>
        {isolationText(isolation)}
      </p>
      <div className="flex flex-col gap-2">
        <div className="flex items-center justify-between">
          <h3 className="font-semibold">Models in this browser&apos;s cache</h3>
          {cached && cached.length > 0 && (
            <button type="button" className="btn" onClick={() => void clearAllCachedModels().then(refresh)}>
              Clear all
            </button>
          )}
        </div>
        {cacheError && <p role="alert">{cacheError}</p>}
        {!cached && !cacheError && <p className="text-sm">Reading the cache…</p>}
        {cached?.length === 0 && <p className="text-sm">No models are cached yet.</p>}
        <ul className="flex flex-col gap-1 text-sm" aria-label="Cached models">
          {cached?.map((m) => (
            <li key={m.key} className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 px-2 py-1 dark:border-stone-700">
              <span>
                <span className="font-mono">{m.model}</span> <span className="text-stone-500">from {m.host} · {m.files.length} files · {formatBytes(m.bytes)}</span>
              </span>
              <button type="button" className="btn" aria-label={`Remove ${m.model} from the cache`} onClick={() => void clearCachedModel(m).then(refresh)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <p className="text-xs text-stone-500">A model already loaded stays in memory until the page reloads or it is replaced.</p>
      </div>
    </section>
  );
}
