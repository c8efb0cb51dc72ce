import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { InferenceClient } from './engine/client';
import { App } from './app/App';
import { AppProvider } from './app/app-context';
import { syncAddress, writeAddress } from './app/address';
import { createController } from './app/controller';
import { registerOfflineShell } from './app/offline/service-worker';
import { createAppStore } from './app/store';
import { ErrorBoundary } from './components/ErrorBoundary';
import './index.css';

/** localStorage, or nothing where the browser refuses it (some private modes throw on access). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

// Everything the page runs on starts here, once: the store from the address, the worker, the controller.
const store = createAppStore({ search: location.search, storage: browserStorage() });
// A factory, not a worker: the client starts a fresh one when a failure leaves the model runtime unusable.
const startWorker = () => new Worker(new URL('./worker/inference.worker.ts', import.meta.url), { type: 'module', name: 'inference' });
const controller = createController(new InferenceClient(startWorker), store);
syncAddress(store, controller);

// A promise nobody awaited must still end up in front of the person, not only in the console.
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason instanceof Error ? event.reason.message : String(event.reason);
  store.getState().notify(`Something failed in the background: ${reason}`, 'warning');
});

// The one reload into cross-origin isolation keeps what was typed: it is in the link.
registerOfflineShell({ beforeReload: () => writeAddress(store.getState()) });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <AppProvider store={store} controller={controller}>
        <App />
      </AppProvider>
    </ErrorBoundary>
  </StrictMode>,
);
