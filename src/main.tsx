import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useApp } from './app/store';
import { registerOfflineShell } from './app/offline/service-worker';
import { writeUrlNow } from './app/use-url-sync';
import './index.css';

// A promise nobody awaited must still end up in front of the person, not only in the console.
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason instanceof Error ? event.reason.message : String(event.reason);
  useApp.getState().notify(`Something failed in the background: ${reason}`, 'warning');
});

// The one reload into cross-origin isolation keeps what was typed: it is in the link.
registerOfflineShell({ beforeReload: writeUrlNow });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
