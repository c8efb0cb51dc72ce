/** Settings that belong to this browser, not to a share link. */
export interface Settings {
  /** A Hub-shaped host: the Hub itself or a school's mirror. */
  host: string;
  /** Models up to this size (MB) start downloading by themselves; bigger ones wait for a click. */
  autoLoadMB: number;
}

const KEY = 'hat-wardrobe:settings';

export const BUILD_HOST: string = (import.meta.env.VITE_MODEL_HOST as string | undefined) || 'https://huggingface.co';

export const defaultSettings: Settings = { host: BUILD_HOST, autoLoadMB: 200 };

export function isHostUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function loadSettings(): Settings {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>;
    return {
      host: typeof raw.host === 'string' && isHostUrl(raw.host) ? raw.host : defaultSettings.host,
      autoLoadMB: typeof raw.autoLoadMB === 'number' && raw.autoLoadMB >= 0 ? raw.autoLoadMB : defaultSettings.autoLoadMB,
    };
  } catch {
    return defaultSettings;
  }
}

export function saveSettings(settings: Settings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Private mode or full storage: the settings still hold for this visit.
  }
}
