import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Controller } from './controller';
import type { AppState, AppStore } from './store';

interface Wiring {
  store: AppStore;
  /** Left out by component tests that never reach the worker. */
  controller?: Controller;
}

const AppContext = createContext<Wiring | null>(null);

/** Hands the page's store and controller (made in main.tsx) down to every component. */
export function AppProvider({ store, controller, children }: Wiring & { children: ReactNode }) {
  return <AppContext value={{ store, controller }}>{children}</AppContext>;
}

function useWiring(): Wiring {
  const wiring = useContext(AppContext);
  if (!wiring) throw new Error('A component of the app was rendered outside <AppProvider>.');
  return wiring;
}

/** Reads the store and re-renders when the selected part changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useWiring().store, selector);
}

/** The store itself, for event handlers that read it once. */
export function useAppStore(): AppStore {
  return useWiring().store;
}

export function useController(): Controller {
  const { controller } = useWiring();
  if (!controller) throw new Error('This component needs the controller, and <AppProvider> was given none.');
  return controller;
}
