import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { HatDefinition } from '@/hats/types';
import type { InsideLink } from '@/lib/inside';
import { parseLink, serializeLink, type HatChoice } from '../share-link';

/** Bumped when a lesson's shape changes in a way an older wardrobe would misread. */
export const LESSON_VERSION = 1;
/** Longest `lesson=` value read from a link (characters). Past it, a lesson travels as a file. */
export const MAX_LESSON_PARAM = 12_000;
/** Longest unpacked lesson (characters): guards against a small link that unpacks into megabytes. */
export const MAX_LESSON_JSON = 200_000;
export const MAX_STEPS = 40;
export const MAX_NOTE = 600;
export const MAX_TITLE = 120;

/** One step: a hat with its inputs (exactly a share link's query), a note to the class and what students may change. */
export interface LessonStep {
  /** The share link's query without "?", e.g. "v=1&hat=masked-lm&text=…": each hat's own codec reads it. */
  link: string;
  note: string;
  /** Query keys students cannot change: "model", "dtype", "device" or the hat's own params (e.g. "text"). */
  locked?: string[];
  /** The whole input form is shown but disabled. */
  lockForm?: boolean;
  /** The input form is replaced by a read-only summary. */
  hideForm?: boolean;
  /** Predict first: the output stays hidden until the student commits a guess. */
  predict?: boolean;
  /** What the student is asked to predict (shown with the guess). */
  question?: string;
}

export interface Lesson {
  v: number;
  title: string;
  steps: LessonStep[];
}

export type OpenedStep =
  | { ok: true; step: LessonStep; hatId: string; choice: HatChoice; demo: boolean; inside: InsideLink | null; notices: string[] }
  | { ok: false; step: LessonStep; reason: string };

export type LessonResult = { ok: true; lesson: Lesson; notices: string[] } | { ok: false; error: string };

export function emptyLesson(): Lesson {
  return { v: LESSON_VERSION, title: '', steps: [] };
}

/** A step from the view as it is: the hat, its choice and, when open, its Inside panel. */
export function stepFromChoice(hat: HatDefinition, choice: HatChoice, note = '', demo = false, inside: InsideLink | null = null): LessonStep {
  return { link: serializeLink(hat, choice, inside, demo).slice(1), note };
}

export function encodeLesson(lesson: Lesson): string {
  return compressToEncodedURIComponent(JSON.stringify(lesson));
}

const DAMAGED = 'This lesson link is damaged or cut short, so the lesson could not be unpacked. Ask for the link again, or for the lesson as a file.';

/** Reads the `lesson=` value of a link. Nothing throws: a bad link gives an error the page can show. */
export function decodeLesson(raw: string): LessonResult {
  if (raw.length > MAX_LESSON_PARAM) {
    return {
      ok: false,
      error: `This lesson link is too long (${raw.length.toLocaleString('en')} characters; the wardrobe reads up to ${MAX_LESSON_PARAM.toLocaleString('en')}). Ask for the lesson as a file instead.`,
    };
  }
  let json: string | null;
  try {
    // [1] lz-string returns null, '' or garbage for input it did not write; JSON.parse catches the garbage.
    json = decompressFromEncodedURIComponent(raw.trim());
  } catch {
    json = null;
  }
  if (!json) return { ok: false, error: DAMAGED };
  if (json.length > MAX_LESSON_JSON) return { ok: false, error: `This lesson unpacks to more than ${MAX_LESSON_JSON.toLocaleString('en')} characters, which is more than a lesson needs; it was not opened.` };
  return parseLessonJson(json, DAMAGED);
}

/** Reads a lesson file's text. */
export function parseLessonJson(json: string, damaged = 'This file is not a lesson the wardrobe can read (it is not valid JSON).'): LessonResult {
  if (json.length > MAX_LESSON_JSON) return { ok: false, error: `This lesson is longer than ${MAX_LESSON_JSON.toLocaleString('en')} characters; it was not opened.` };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: damaged };
  }
  return validateLesson(data);
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks a lesson's shape. A malformed step is kept (with an empty link) so that it says why in
 * its place and the steps after it keep their numbers.
 */
export function validateLesson(data: unknown): LessonResult {
  if (!isRecord(data) || !Array.isArray(data.steps)) return { ok: false, error: 'This is not a wardrobe lesson: it has no list of steps.' };
  const notices: string[] = [];
  const v = typeof data.v === 'number' ? data.v : NaN;
  if (!Number.isInteger(v) || v < 1) return { ok: false, error: 'This is not a wardrobe lesson: it has no version number.' };
  if (v > LESSON_VERSION) notices.push(`This lesson was made by a newer wardrobe (lesson version ${v}); some of it may not open here.`);
  let title = typeof data.title === 'string' ? data.title.trim() : '';
  if (title.length > MAX_TITLE) {
    title = title.slice(0, MAX_TITLE);
    notices.push(`The lesson's title was cut to ${MAX_TITLE} characters.`);
  }
  let raw = data.steps as unknown[];
  if (raw.length > MAX_STEPS) {
    notices.push(`This lesson has ${raw.length} steps; the first ${MAX_STEPS} were opened.`);
    raw = raw.slice(0, MAX_STEPS);
  }
  const steps = raw.map((s, i): LessonStep => {
    if (!isRecord(s)) return { link: '', note: '' };
    let note = typeof s.note === 'string' ? s.note : '';
    if (note.length > MAX_NOTE) {
      note = note.slice(0, MAX_NOTE);
      notices.push(`Step ${i + 1}'s note was cut to ${MAX_NOTE} characters.`);
    }
    const step: LessonStep = { link: typeof s.link === 'string' ? s.link : '', note };
    if (Array.isArray(s.locked)) step.locked = s.locked.filter((k): k is string => typeof k === 'string').slice(0, 20);
    if (s.lockForm === true) step.lockForm = true;
    if (s.hideForm === true) step.hideForm = true;
    if (s.predict === true) step.predict = true;
    if (typeof s.question === 'string' && s.question.trim()) step.question = s.question.slice(0, MAX_NOTE);
    return step;
  });
  return { ok: true, lesson: { v: LESSON_VERSION, title, steps }, notices };
}

/** Opens one step with the hats' own link codecs; a step whose hat is gone says why instead. */
export function openStep(step: LessonStep, hats: HatDefinition[]): OpenedStep {
  if (!step.link) return { ok: false, step, reason: 'This step is empty or damaged: it names no hat.' };
  const hatId = new URLSearchParams(step.link).get('hat');
  if (!hatId) return { ok: false, step, reason: 'This step names no hat, so there is nothing to open.' };
  const hat = hats.find((h) => h.id === hatId);
  if (!hat) {
    return { ok: false, step, reason: `This step uses a hat called “${hatId.slice(0, 40)}”, which this wardrobe does not have (it may have been renamed or removed). Skip to the next step.` };
  }
  const link = parseLink(step.link, hats, hat);
  return { ok: true, step, hatId: hat.id, choice: link.choice, demo: link.demo, inside: link.inside, notices: link.notices };
}
