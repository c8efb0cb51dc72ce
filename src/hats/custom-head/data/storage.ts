import { cleanSettings } from '../training/run-training';
import { DEFAULT_SETTINGS, type Example, type TrainSettings } from '../types';

/*
 * The person's examples and settings live in this browser's localStorage until they clear them, so a
 * reload, a closed tab or a hat switch loses nothing. What is read back is checked like any input.
 */

export const STORAGE_KEY = 'hat-wardrobe:custom-head:v1';

export interface Workbench {
  examples: Example[];
  /** What the label column means (e.g. "mood", "paw rubs"). */
  labelName: string;
  settings: TrainSettings;
}

export const EMPTY_WORKBENCH: Workbench = { examples: [], labelName: 'label', settings: DEFAULT_SETTINGS };

export function loadWorkbench(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Workbench {
  try {
    const raw = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<Workbench> | null;
    if (!raw || typeof raw !== 'object') return EMPTY_WORKBENCH;
    const examples = Array.isArray(raw.examples)
      ? raw.examples.filter((e): e is Example => typeof e?.text === 'string' && typeof e?.label === 'string').map((e) => ({ text: e.text, label: e.label }))
      : [];
    return {
      examples,
      labelName: typeof raw.labelName === 'string' && raw.labelName ? raw.labelName.slice(0, 60) : 'label',
      settings: cleanSettings(raw.settings),
    };
  } catch {
    return EMPTY_WORKBENCH;
  }
}

/** Saves; returns a message when the browser refuses (storage full or disabled). */
export function saveWorkbench(w: Workbench, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): string | null {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(w));
    return null;
  } catch {
    return 'This browser would not store the examples (storage full or switched off): they last only until the page closes. Export them as CSV to keep them.';
  }
}

/** The examples as CSV, quoted where needed, for keeping a copy. */
export function examplesToCsv(examples: readonly Example[], labelName: string): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [`text,${cell(labelName)}`, ...examples.map((e) => `${cell(e.text)},${cell(e.label)}`)].join('\n') + '\n';
}
