import { MAX_LESSON_JSON, parseLessonJson, type Lesson, type LessonResult } from './lesson';

/** A file name from the lesson's title: letters, digits and dashes. */
export function lessonFileName(lesson: Lesson): string {
  const slug = lesson.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${slug || 'lesson'}.lesson.json`;
}

export function downloadLesson(lesson: Lesson): void {
  const blob = new Blob([`${JSON.stringify(lesson, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = lessonFileName(lesson);
  a.click();
  // The click has handed the blob to the download by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function readLessonFile(file: File): Promise<LessonResult> {
  if (file.size > MAX_LESSON_JSON) return { ok: false, error: `“${file.name}” is ${file.size.toLocaleString('en')} bytes; a lesson file is at most ${MAX_LESSON_JSON.toLocaleString('en')}.` };
  return parseLessonJson(await file.text(), `“${file.name}” is not a lesson file the wardrobe can read (it is not valid JSON).`);
}
