import { create } from 'zustand';
import { hats } from '@/hats/registry';
import { getController } from '../engine-instance';
import { useApp } from '../store';
import { decodeLesson, emptyLesson, encodeLesson, openStep, type Lesson, type OpenedStep } from './lesson';

export interface OpenLesson {
  lesson: Lesson;
  /** The `lesson=` value, kept as it came so the address bar does not churn. */
  encoded: string;
  steps: OpenedStep[];
  index: number;
}

export interface ClassroomState {
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
  setDraft(draft: Lesson): void;
}

const DRAFT_KEY = 'hat-wardrobe:lesson-draft';

function loadDraft(): Lesson {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as Lesson;
      if (Array.isArray(parsed.steps) && typeof parsed.title === 'string') return parsed;
    }
  } catch {
    // No storage (private mode) or a damaged draft: start a new one.
  }
  return emptyLesson();
}

/** Puts a step's hat and inputs into the app, as if its share link had been opened. */
function applyStep(step: OpenedStep | undefined): void {
  if (!step?.ok) return;
  useApp.setState((s) => ({ hatId: step.hatId, choices: { ...s.choices, [step.hatId]: step.choice }, run: { phase: 'idle' } }));
  // Same model as before: the controller sees only new params, and on-demand hats would wait for a click.
  if (useApp.getState().model.phase === 'ready') getController().runNow();
}

export const useClassroom = create<ClassroomState>()((set, get) => ({
  presenter: false,
  spotlight: false,
  draft: typeof localStorage === 'undefined' ? emptyLesson() : loadDraft(),
  setPresenter(on) {
    set({ presenter: on, spotlight: on && get().spotlight });
  },
  setSpotlight(on) {
    set({ spotlight: on });
  },
  openLesson(lesson, index = 0, encoded = encodeLesson(lesson)) {
    const steps = lesson.steps.map((s) => openStep(s, hats));
    const at = Math.max(0, Math.min(index, steps.length - 1));
    set({ open: { lesson, encoded, steps, index: at } });
    applyStep(steps[at]);
  },
  goStep(index) {
    const open = get().open;
    if (!open || index < 0 || index >= open.steps.length || index === open.index) return;
    set({ open: { ...open, index } });
    applyStep(open.steps[index]);
  },
  closeLesson() {
    set({ open: undefined });
  },
  setDraft(draft) {
    set({ draft });
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // The draft still lives for this visit.
    }
  },
}));

export function currentStep(s: Pick<ClassroomState, 'open'>): OpenedStep | undefined {
  return s.open?.steps[s.open.index];
}

/** Reads `present=1`, `lesson=` and `step=` from the address the page was opened with. */
export function initClassroom(search: string): void {
  const query = new URLSearchParams(search);
  if (query.get('present') === '1') useClassroom.getState().setPresenter(true);
  const raw = query.get('lesson');
  if (raw === null) return;
  const notify = useApp.getState().notify;
  const decoded = decodeLesson(raw);
  if (!decoded.ok) return notify(decoded.error, 'warning');
  for (const n of decoded.notices) notify(n, 'warning');
  if (decoded.lesson.steps.length === 0) return notify('This lesson has no steps yet.', 'warning');
  const step = Number(query.get('step') ?? '1');
  useClassroom.getState().openLesson(decoded.lesson, Number.isInteger(step) ? step - 1 : 0, raw);
}
