import { useState } from 'react';
import { LinkWarning } from './LinkWarning';
import { shareUrl } from './address';
import { useAppStore } from './app-context';

export function ShareButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [url, setUrl] = useState('');
  const store = useAppStore();
  const copy = (link: string) => {
    setUrl(link);
    if (!navigator.clipboard) return setState('failed');
    navigator.clipboard.writeText(link).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" className="btn-primary" onClick={() => copy(shareUrl(store.getState()))}>
        Copy share link
      </button>
      <span role="status" className="text-xs">
        {state === 'copied' && 'Link copied.'}
        {state === 'failed' && (
          <label>
            Copy it by hand: <input readOnly value={url} className="w-48 rounded border px-1" onFocus={(e) => e.target.select()} />
          </label>
        )}
      </span>
      {state !== 'idle' && <LinkWarning url={url} action="Copy the published link" onPublished={copy} className="w-full max-w-md text-xs" />}
    </span>
  );
}
