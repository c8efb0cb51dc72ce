import { useEffect, useState } from 'react';
import { HatPicker } from '@/components/HatPicker';
import { Notices } from '@/components/Notices';
import { PickGuide } from '@/components/PickGuide';
import { hats } from '@/hats/registry';
import { getController } from './engine-instance';
import { HatView } from './HatView';
import { SettingsPanel } from './SettingsPanel';
import { ShareButton } from './ShareButton';
import { currentHat, useApp } from './store';
import { useUrlSync } from './use-url-sync';

export function App() {
  const hatId = useApp((s) => s.hatId);
  const selectHat = useApp((s) => s.selectHat);
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismiss);
  const [panel, setPanel] = useState<'none' | 'guide' | 'settings'>('none');
  useUrlSync();
  useEffect(() => {
    getController();
  }, []);
  const hat = currentHat({ hatId });

  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col gap-4 p-3 sm:p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">
            <span aria-hidden="true">🐈‍⬛ </span>Hat Wardrobe
          </h1>
          <p className="text-sm text-stone-600 dark:text-stone-400">One transformer body, many hats. Every model runs here, in your browser.</p>
        </div>
        <nav aria-label="Wardrobe tools" className="flex flex-wrap gap-2">
          <button type="button" className="btn" aria-expanded={panel === 'guide'} onClick={() => setPanel(panel === 'guide' ? 'none' : 'guide')}>
            How to pick a hat?
          </button>
          <button type="button" className="btn" aria-expanded={panel === 'settings'} onClick={() => setPanel(panel === 'settings' ? 'none' : 'settings')}>
            Settings
          </button>
          <ShareButton />
        </nav>
      </header>
      <Notices notices={notices} onDismiss={dismiss} />
      {panel === 'guide' && (
        <PickGuide
          hats={hats}
          onPick={(id) => {
            selectHat(id);
            setPanel('none');
          }}
          onClose={() => setPanel('none')}
        />
      )}
      {panel === 'settings' && <SettingsPanel onClose={() => setPanel('none')} />}
      <HatPicker hats={hats} selected={hat.id} onSelect={selectHat} />
      <HatView key={hat.id} hat={hat} />
    </div>
  );
}
