// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CachedModel } from '@/lib/model-cache';
import { AppProvider } from '../app-context';
import { createAppStore, currentChoice } from '../store';
import { ConnectionStatus } from './ConnectionStatus';

const HOST = 'https://huggingface.co';
const cachedModels: CachedModel[] = [
  { key: `${HOST} · org/cached`, host: HOST, model: 'org/cached', files: ['config.json', 'onnx/model_quantized.onnx'], bytes: 2_000_000, requests: [] },
];

vi.mock('@/lib/model-cache', () => ({ listCachedModels: () => Promise.resolve(cachedModels) }));

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

const store = createAppStore();
const renderStatus = () =>
  render(
    <AppProvider store={store}>
      <ConnectionStatus />
    </AppProvider>,
  );

beforeEach(() => {
  setOnline(true);
  store.getState().setSettings({ host: HOST });
  store.getState().setModel({ phase: 'ready' });
});
afterEach(cleanup);

describe('ConnectionStatus', () => {
  it('shows the connection, the host and the cached models, and follows the browser going offline', async () => {
    renderStatus();
    const button = screen.getByTestId('connection-status');
    expect(await screen.findByText('· 1 cached')).toBeTruthy();
    expect(button.textContent).toContain('Online');
    expect(button.textContent).toContain('huggingface.co');
    // Tests run without a production build: no service worker, and the panel says why.
    expect(button.getAttribute('data-shell')).toBe('off');

    setOnline(false);
    expect(button.textContent).toContain('Offline');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('connection-host').textContent).toBe(HOST);
    expect(screen.getByRole('list', { name: 'Models cached from this host' }).textContent).toContain('org/cached');
    expect(screen.getByText(/Offline: the browser reports no connection/)).toBeTruthy();
  });

  it('offline, a model that fails to load is named as missing, with the cached ones to use instead', async () => {
    const model = currentChoice(store.getState()).model;
    renderStatus();
    await screen.findByText('· 1 cached');
    expect(screen.queryByTestId('offline-missing')).toBeNull();

    setOnline(false);
    act(() => store.getState().setModel({ phase: 'error', error: { kind: 'network', message: 'Could not reach the host.' } }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      `You are offline. “${model}” is not in this browser's cache, so it needs the connection (or a model pack on the school network) to load. Cached and ready offline: org/cached.`,
    );

    // Back online, another kind of failure (a typo in the id) is not about the connection.
    setOnline(true);
    act(() => store.getState().setModel({ phase: 'error', error: { kind: 'not-found', message: 'Not found.' } }));
    expect(screen.queryByTestId('offline-missing')).toBeNull();
  });
});
