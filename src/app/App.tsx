import { useState } from 'react';
import { HatPicker } from '@/components/HatPicker';
import { Notices } from '@/components/Notices';
import { PickGuide } from '@/components/PickGuide';
import { hats } from '@/hats/registry';
import { useApp, useAppStore } from './app-context';
import { currentStep } from './classroom/classroom-slice';
import { LessonBar } from './classroom/LessonBar';
import { LessonBuilder } from './classroom/LessonBuilder';
import { PresenterHints, PresenterToggle, SpotlightShade } from './classroom/PresenterControls';
import { QrDialog } from './classroom/QrDialog';
import { useClassroomKeys } from './classroom/use-classroom-keys';
import { HatView } from './HatView';
import { ConnectionStatus } from './offline/ConnectionStatus';
import { DemoBanner } from './offline/DemoBanner';
import { SettingsPanel } from './SettingsPanel';
import { ShareButton } from './ShareButton';
import { currentUrl } from './address';
import { currentHat } from './store';

type Panel = 'none' | 'guide' | 'settings' | 'lesson';

export function App() {
  const hatId = useApp((s) => s.hatId);
  const selectHat = useApp((s) => s.selectHat);
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismiss);
  const presenter = useApp((s) => s.presenter);
  const stepIndex = useApp((s) => s.open?.index);
  const brokenStep = useApp((s) => currentStep(s)?.ok === false);
  const store = useAppStore();
  const [panel, setPanel] = useState<Panel>('none');
  const [qr, setQr] = useState<string | null>(null);
  const toggle = (p: Panel) => setPanel(panel === p ? 'none' : p);
  useClassroomKeys();
  const hat = currentHat({ hatId });
  // Settings and the builder are the teacher's desk, not the projection.
  const shown = presenter && (panel === 'settings' || panel === 'lesson') ? 'none' : panel;

  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col gap-4 p-3 sm:p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">
            <span aria-hidden="true">🐈‍⬛ </span>Hat Wardrobe
          </h1>
          <p className="text-sm text-stone-600 presenter:hidden dark:text-stone-400">One transformer body, many hats. Every model runs here, in your browser.</p>
        </div>
        <nav aria-label="Wardrobe tools" className="flex flex-wrap gap-2">
          <button type="button" className="btn" aria-expanded={panel === 'guide'} onClick={() => toggle('guide')}>
            How to pick a hat?
          </button>
          {!presenter && (
            <>
              <button type="button" className="btn" aria-expanded={panel === 'settings'} onClick={() => toggle('settings')}>
                Settings
              </button>
              <button type="button" className="btn" aria-expanded={panel === 'lesson'} onClick={() => toggle('lesson')}>
                Build a lesson
              </button>
            </>
          )}
          <PresenterToggle />
          <button type="button" className="btn" onClick={() => setQr(currentUrl(store.getState()))}>
            QR code
          </button>
          <ShareButton />
        </nav>
        <ConnectionStatus />
      </header>
      <PresenterHints />
      <Notices notices={notices} onDismiss={dismiss} />
      <DemoBanner />
      {shown === 'guide' && (
        <PickGuide
          hats={hats}
          onPick={(id) => {
            selectHat(id);
            setPanel('none');
          }}
          onClose={() => setPanel('none')}
        />
      )}
      {shown === 'settings' && <SettingsPanel onClose={() => setPanel('none')} />}
      {shown === 'lesson' && <LessonBuilder onClose={() => setPanel('none')} onQr={setQr} />}
      <LessonBar />
      <HatPicker hats={hats} selected={hat.id} onSelect={selectHat} />
      {!brokenStep && <HatView key={`${hat.id}:${stepIndex ?? ''}`} hat={hat} />}
      <SpotlightShade />
      {qr !== null && <QrDialog url={qr} onClose={() => setQr(null)} />}
    </div>
  );
}
