import { useState } from 'react';
import { shareUrl } from './address';
import { useAppStore } from './app-context';

export function ShareButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [url, setUrl] = useState('');
  const store = useAppStore();
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        className="btn-primary"
        onClick={() => {
          const link = shareUrl(store.getState());
          setUrl(link);
          navigator.clipboard
            ?.writeText(link)
            .then(() => setState('copied'))
            .catch(() => setState('failed'));
          if (!navigator.clipboard) setState('failed');
        }}
      >
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
    </span>
  );
}
