import { findHat, hats } from '@/hats/registry';
import type { AppSlice } from '../app-slice';
import type { KeyValueStorage } from '../settings';
import { decodeLesson, emptyLesson, encodeLesson, openStep, type Lesson, type OpenedStep } from './lesson';
import { enforceLocks } from './locks';

/** A student's prediction on a predict-first step, and the model's top answer when it was revealed. */
export interface Guess {
  text: string;
  answer?: string;
}

export interface OpenLesson {
  lesson: Lesson;
  /** Predictions committed so far, by step index. */
  guesses: Record<number, Guess>;
  /** The student went past the last step: the lesson's end. */
  finished: boolean;
  /** The `lesson=` value, kept as it came so the address bar does not churn. */
  encoded: string;
  steps: OpenedStep[];
  index: number;
}

/** The classroom slice: presenter mode, the open lesson and the lesson being built. */
export interface ClassroomSlice {
  presenter: boolean;
  spotlight: boolean;
  open?: OpenLesson;
  /** The lesson a teacher is building (kept in this browser between visits). */
  draft: Lesson;
  setPresenter(on: boolean): void;
  setSpotlight(on: boolean): void;
  openLesson(lesson: Lesson, index?: number, encoded?: string): void;
  goStep(index: number): void;
  closeLesson(): void;
  /** Commits the prediction for the open step: its output shows from now on. */
  commitGuess(guess: Guess): void;
  /** Past the last step: the end of the lesson (or back to it). */
  setFinished(finished: boolean): void;
  setDraft(draft: Lesson): void;
  /** `params` with the open step's locked params held at the teacher's values (and a word on why). */
  keepLocked(params: unknown): unknown;
}

type Set = (partial: Partial<ClassroomSlice>) => void;
type Get = () => ClassroomSlice & Pick<AppSlice, 'hatId' | 'openChoice' | 'notify' | 'setInside'>;

const DRAFT_KEY = 'hat-wardrobe:lesson-draft';

function loadDraft(storage: KeyValueStorage): Lesson {
  try {
    const raw = storage?.getItem(DRAFT_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as Lesson;
      if (Array.isArray(parsed.steps) && typeof parsed.title === 'string') return parsed;
    }
  } catch {
    // No storage (private mode) or a damaged draft: start a new one.
  }
  return emptyLesson();
}

export function currentStep(s: Pick<ClassroomSlice, 'open'>): OpenedStep | undefined {
  return s.open?.steps[s.open.index];
}

export function classroomSlice(storage: KeyValueStorage, set: Set, get: Get): ClassroomSlice {
  /** Puts a step's hat and inputs (and its Inside panel, open or closed) into the app, as if its share link had been opened. */
  const applyStep = (step: OpenedStep | undefined) => {
    if (!step?.ok) return;
    get().openChoice(step.hatId, step.choice, step.demo);
    get().setInside(step.inside);
  };
  return {
    presenter: false,
    spotlight: false,
    draft: loadDraft(storage),
    setPresenter(on) {
      set({ presenter: on, spotlight: on && get().spotlight });
    },
    setSpotlight(on) {
      set({ spotlight: on });
    },
    openLesson(lesson, index = 0, encoded = encodeLesson(lesson)) {
      const steps = lesson.steps.map((s) => openStep(s, hats));
      const at = Math.max(0, Math.min(index, steps.length - 1));
      set({ open: { lesson, encoded, steps, index: at, guesses: {}, finished: false } });
      applyStep(steps[at]);
    },
    goStep(index) {
      const open = get().open;
      if (!open || index < 0 || index >= open.steps.length || index === open.index) return;
      set({ open: { ...open, index, finished: false } });
      applyStep(open.steps[index]);
    },
    commitGuess(guess) {
      const open = get().open;
      if (open) set({ open: { ...open, guesses: { ...open.guesses, [open.index]: guess } } });
    },
    setFinished(finished) {
      const open = get().open;
      if (open) set({ open: { ...open, finished } });
    },
    closeLesson() {
      set({ open: undefined });
    },
    setDraft(draft) {
      set({ draft });
      try {
        storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
      } catch {
        // The draft still lives for this visit.
      }
    },
    keepLocked(params) {
      const s = get();
      const step = currentStep(s);
      const hat = findHat(s.hatId);
      if (!step?.ok || step.hatId !== s.hatId || !hat) return params;
      const { params: kept, reverted } = enforceLocks(hat, params, step.choice.params, step.step.locked ?? []);
      if (reverted.length > 0) s.notify(`The lesson keeps ${reverted.map((k) => `“${k}”`).join(', ')} as the teacher set it for this step.`);
      return kept;
    },
  };
}

/** Reads `present=1`, `lesson=` and `step=` from the address the page was opened with. */
export function openClassroomLink(s: ClassroomSlice & Pick<AppSlice, 'notify'>, search: string): void {
  const query = new URLSearchParams(search);
  if (query.get('present') === '1') s.setPresenter(true);
  const raw = query.get('lesson');
  if (raw === null) return;
  const decoded = decodeLesson(raw);
  if (!decoded.ok) return s.notify(decoded.error, 'warning');
  for (const n of decoded.notices) s.notify(n, 'warning');
  if (decoded.lesson.steps.length === 0) return s.notify('This lesson has no steps yet.', 'warning');
  const step = Number(query.get('step') ?? '1');
  s.openLesson(decoded.lesson, Number.isInteger(step) ? step - 1 : 0, raw);
}
