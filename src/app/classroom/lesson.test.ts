import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { findHat, hats } from '@/hats/registry';
import { defaultChoice } from '../share-link';
import { decodeLesson, encodeLesson, LESSON_VERSION, MAX_LESSON_PARAM, MAX_NOTE, MAX_STEPS, openStep, stepFromChoice, validateLesson, type Lesson } from './lesson';
import { lessonFileName } from './lesson-file';

const mlm = findHat('masked-lm')!;
const cls = findHat('sequence-classification')!;

function lesson(): Lesson {
  return {
    v: LESSON_VERSION,
    title: 'Heads on one body',
    steps: [
      { ...stepFromChoice(mlm, { ...defaultChoice(mlm), model: 'hw-test/tiny-bert-mlm', params: { text: 'the cat says [MASK] .', top_k: 3 } }, 'What does the cat say?'), lockForm: true },
      { ...stepFromChoice(cls, { ...defaultChoice(cls), params: { text: 'Ça marche 👍🏽 & ?=#', text_pair: '' } }, 'Now a whole-text label.'), hideForm: true, locked: ['model', 'text'] },
    ],
  };
}

describe('lesson links', () => {
  it('round-trip every step, and each step reopens through its hat’s own codec', () => {
    const back = decodeLesson(encodeLesson(lesson()));
    expect(back).toEqual({ ok: true, lesson: lesson(), notices: [] });
    if (!back.ok) return;
    const first = openStep(back.lesson.steps[0]!, hats);
    expect(first).toMatchObject({ ok: true, hatId: 'masked-lm', choice: { model: 'hw-test/tiny-bert-mlm', params: { text: 'the cat says [MASK] .', top_k: 3 } }, notices: [] });
    const second = openStep(back.lesson.steps[1]!, hats);
    expect(second).toMatchObject({ ok: true, hatId: 'sequence-classification', choice: { params: { text: 'Ça marche 👍🏽 & ?=#' } } });
  });

  it('keep the Inside panel a step was captured with, and a step without one closes it', () => {
    const inside = { view: 'attention' as const, layer: 1, head: 2 };
    const opened = openStep(stepFromChoice(cls, defaultChoice(cls), '', false, inside), hats);
    expect(opened.ok && opened.inside).toEqual(inside);
    const plain = openStep(stepFromChoice(cls, defaultChoice(cls)), hats);
    expect(plain.ok && plain.inside).toBeNull();
  });

  it('refuse a corrupt, truncated or non-lesson link with a reason, never a throw', () => {
    const encoded = encodeLesson(lesson());
    for (const raw of ['%%%not-lz', 'hello world', '', encoded.slice(0, encoded.length / 2)]) {
      const r = decodeLesson(raw);
      expect(r.ok, raw).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/damaged or cut short|not a wardrobe lesson/);
    }
    expect(decodeLesson(compressToEncodedURIComponent('[1,2,3]'))).toEqual({ ok: false, error: expect.stringMatching(/no list of steps/) });
    expect(decodeLesson(compressToEncodedURIComponent('{"steps":[]}'))).toEqual({ ok: false, error: expect.stringMatching(/no version/) });
  });

  it('refuse a link that is too long, and cut what is too long inside one', () => {
    const long = decodeLesson('A'.repeat(MAX_LESSON_PARAM + 1));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error).toMatch(/too long/);

    const many = { v: 1, title: 't'.repeat(500), steps: Array.from({ length: MAX_STEPS + 5 }, () => ({ link: 'v=1&hat=masked-lm', note: 'n'.repeat(MAX_NOTE + 1) })) };
    const r = validateLesson(many);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.steps).toHaveLength(MAX_STEPS);
    expect(r.lesson.steps[0]!.note).toHaveLength(MAX_NOTE);
    expect(r.lesson.title.length).toBeLessThan(500);
    expect(r.notices.join(' ')).toMatch(/first 40 were opened/);
  });

  it('open the rest of a lesson when a step names a hat that is gone or is damaged', () => {
    const data = { v: 1, title: 'x', steps: [{ link: 'v=1&hat=sombrero&text=hi', note: 'gone' }, 42, { link: 'v=1&hat=masked-lm&top_k=-4', note: '' }] };
    const r = validateLesson(data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [gone, damaged, fine] = r.lesson.steps.map((s) => openStep(s, hats));
    expect(gone).toMatchObject({ ok: false, reason: expect.stringContaining('“sombrero”') });
    expect(damaged).toMatchObject({ ok: false, reason: expect.stringContaining('damaged') });
    // A bad param falls back through the hat's codec, with its notice kept for the step.
    expect(fine).toMatchObject({ ok: true, hatId: 'masked-lm', notices: [expect.stringContaining('top_k')] });
  });

  it('read a newer lesson with a notice, and drop fields of the wrong type', () => {
    const r = validateLesson({ v: 2, title: 7, steps: [{ link: 'v=1&hat=masked-lm', note: null, locked: ['text', 3], lockForm: 'yes' }] });
    expect(r).toEqual({ ok: true, lesson: { v: 1, title: '', steps: [{ link: 'v=1&hat=masked-lm', note: '', locked: ['text'] }] }, notices: [expect.stringContaining('newer wardrobe')] });
  });

  it('name lesson files after their title', () => {
    expect(lessonFileName(lesson())).toBe('heads-on-one-body.lesson.json');
    expect(lessonFileName({ v: 1, title: '  ', steps: [] })).toBe('lesson.lesson.json');
  });
});
