import { lazy, Suspense, useRef, useState } from 'react';
import { HatPicker } from '@/components/HatPicker';
import { Foldable } from '@/components/ui/Foldable';
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
import { usePhoneScreen } from './classroom/use-small-device';
import { HatView } from './HatView';
import { ConnectionStatus } from './offline/ConnectionStatus';
import { DemoBanner } from './offline/DemoBanner';
import { SettingsPanel } from './SettingsPanel';
import { ShareButton } from './ShareButton';
import { currentUrl } from './address';
import { currentHat } from './store';
import { MirrorButton } from './mirror/MirrorButton';
import { firstInput, useFocusRescue } from './use-focus-rescue';

const MirrorView = lazy(() => import('./mirror/MirrorView'));

type Panel = 'none' | 'guide' | 'settings' | 'lesson';

export function App() {
  const hatId = useApp((s) => s.hatId);
  const selectHat = useApp((s) => s.selectHat);
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismiss);
  const presenter = useApp((s) => s.presenter);
  const stepIndex = useApp((s) => s.open?.index);
  const brokenStep = useApp((s) => currentStep(s)?.ok === false);
  const mirror = useApp((s) => s.mirror !== null);
  const store = useAppStore();
  const [panel, setPanel] = useState<Panel>('none');
  const [qr, setQr] = useState<string | null>(null);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  useFocusRescue(root);
  // A closed panel hands the keyboard focus back to the button that opened it.
  const opener = useRef<HTMLElement | null>(null);
  const toggle = (p: Panel) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPanel(panel === p ? 'none' : p);
  };
  const close = () => {
    opener.current?.focus();
    setPanel('none');
  };
  useClassroomKeys();
  const phone = usePhoneScreen();
  const hat = currentHat({ hatId });
  // Settings and the builder are the teacher's desk, not the projection.
  const shown = presenter && (panel === 'settings' || panel === 'lesson') ? 'none' : panel;

  return (
    <div ref={setRoot} className={`mx-auto flex min-h-screen max-w-7xl flex-col ${presenter ? 'gap-2 p-2' : 'gap-4 p-3 sm:p-6'}`}>
      <a
        href="#hat-input"
        className="btn sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        onClick={(e) => {
          e.preventDefault();
          firstInput()?.focus();
        }}
      >
        Skip to the hat&apos;s input
      </a>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className={`${presenter ? 'text-lg' : 'text-xl sm:text-2xl'} font-bold tracking-tight`}>
            <span aria-hidden="true">🐈‍⬛ </span>Hat Wardrobe
          </h1>
          <p className={`${presenter ? 'hidden' : 'hidden sm:block'} text-sm text-stone-600 dark:text-stone-400`}>One transformer body, many hats. Every model runs here, in your browser.</p>
        </div>
        {/* On a phone the tools fold into one line, so the hat's input is on the first screen. */}
        <Foldable folded={phone} summary="Tools">
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
            <MirrorButton />
            <PresenterToggle />
            <button type="button" className="btn" onClick={() => setQr(currentUrl(store.getState()))}>
              QR code
            </button>
            <ShareButton />
          </nav>
        </Foldable>
        <ConnectionStatus />
        <PresenterHints />
      </header>
      <Notices notices={notices} onDismiss={dismiss} />
      <DemoBanner />
      {shown === 'guide' && (
        <PickGuide
          hats={hats}
          onPick={(id) => {
            selectHat(id);
            close();
          }}
          onClose={close}
        />
      )}
      {shown === 'settings' && <SettingsPanel onClose={close} />}
      {shown === 'lesson' && <LessonBuilder onClose={close} onQr={setQr} />}
      <LessonBar />
      {mirror ? (
        <Suspense fallback={<p className="text-sm text-stone-500">Opening the mirror…</p>}>
          <MirrorView />
        </Suspense>
      ) : (
        <>
          <HatPicker hats={hats} selected={hat.id} onSelect={selectHat} compact={presenter || phone} />
          {!brokenStep && <HatView key={`${hat.id}:${stepIndex ?? ''}`} hat={hat} />}
        </>
      )}
      <SpotlightShade />
      {qr !== null && <QrDialog url={qr} onClose={() => setQr(null)} />}
    </div>
  );
}
