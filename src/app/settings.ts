/** Settings that belong to this browser, not to a share link. */
export interface Settings {
  /** A Hub-shaped host: the Hub itself or a school's mirror. */
  host: string;
  /** Models up to this size (MB) start downloading by themselves; bigger ones wait for a click. */
  autoLoadMB: number;
  /** A host that sends nothing for this long (s) has stalled: the load stops and offers Retry. */
  stallSeconds: number;
}

/** The range the stall setting accepts (s): a slow classroom network needs time, a dead host should not keep the page. */
export const STALL_SECONDS = { min: 1, max: 600 } as const;

export function isStallSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= STALL_SECONDS.min && value <= STALL_SECONDS.max;
}

const KEY = 'hat-wardrobe:settings';

export const BUILD_HOST: string = (import.meta.env.VITE_MODEL_HOST as string | undefined) || 'https://huggingface.co';

export const defaultSettings: Settings = { host: BUILD_HOST, autoLoadMB: 200, stallSeconds: 30 };

export function isHostUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The browser's storage, or none (private mode, tests in Node). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'> | undefined;

export function loadSettings(storage: KeyValueStorage): Settings {
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<Settings>;
    return {
      host: typeof raw.host === 'string' && isHostUrl(raw.host) ? raw.host : defaultSettings.host,
      autoLoadMB: typeof raw.autoLoadMB === 'number' && raw.autoLoadMB >= 0 ? raw.autoLoadMB : defaultSettings.autoLoadMB,
      stallSeconds: isStallSeconds(raw.stallSeconds) ? raw.stallSeconds : defaultSettings.stallSeconds,
    };
  } catch {
    return defaultSettings;
  }
}

export function saveSettings(storage: KeyValueStorage, settings: Settings): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Private mode or full storage: the settings still hold for this visit.
  }
}

/** The settings slice of the page's store. */
export interface SettingsSlice {
  settings: Settings;
  setSettings(patch: Partial<Settings>): void;
}

export function settingsSlice(
  storage: KeyValueStorage,
  set: (partial: Pick<SettingsSlice, 'settings'>) => void,
  get: () => SettingsSlice,
): SettingsSlice {
  return {
    settings: loadSettings(storage),
    setSettings(patch) {
      const settings = { ...get().settings, ...patch };
      saveSettings(storage, settings);
      set({ settings });
    },
  };
}
