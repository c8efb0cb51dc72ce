import { useId, useState } from 'react';
import { lessonUrl } from '../address';
import { useApp, useAppStore } from '../app-context';
import { emptyLesson, encodeLesson, MAX_LESSON_PARAM } from './lesson';
import { downloadLesson, readLessonFile } from './lesson-file';

/** Open, share (link, QR, file) and import the lesson being built. */
export function LessonActions({ onQr }: { onQr: (url: string) => void }) {
  const draft = useApp((s) => s.draft);
  const setDraft = useApp((s) => s.setDraft);
  const openLesson = useApp((s) => s.openLesson);
  const notify = useApp((s) => s.notify);
  const store = useAppStore();
  const fileId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [url, setUrl] = useState('');
  const empty = draft.steps.length === 0;
  const encoded = encodeLesson(draft);
  const tooLong = encoded.length > MAX_LESSON_PARAM;

  const copy = () => {
    const link = lessonUrl(store.getState(), encoded);
    setUrl(link);
    if (!navigator.clipboard) return setCopied('failed');
    navigator.clipboard.writeText(link).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-primary" disabled={empty} onClick={() => openLesson(draft, 0, encoded)}>
          Open the lesson
        </button>
        <button type="button" className="btn" disabled={empty || tooLong} onClick={copy}>
          Copy lesson link
        </button>
        <button type="button" className="btn" disabled={empty || tooLong} onClick={() => onQr(lessonUrl(store.getState(), encoded))}>
          QR code of the lesson
        </button>
        <button type="button" className="btn" disabled={empty} onClick={() => downloadLesson(draft)}>
          Export as a file
        </button>
        <label htmlFor={fileId} className="btn cursor-pointer focus-within:ring-2 focus-within:ring-amber-500">
          Import a file
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              void readLessonFile(file).then((r) => {
                if (!r.ok) return notify(r.error, 'warning');
                for (const n of r.notices) notify(n, 'warning');
                setDraft(r.lesson);
                notify(`Imported “${r.lesson.title || file.name}” (${r.lesson.steps.length} steps).`);
              });
            }}
          />
        </label>
        <button type="button" className="btn" disabled={empty} onClick={() => setDraft(emptyLesson())}>
          Start a new lesson
        </button>
      </div>
      <p role="status" className="text-sm">
        {tooLong && `This lesson is too long for a link (${encoded.length.toLocaleString('en')} characters, at most ${MAX_LESSON_PARAM.toLocaleString('en')}): share it as a file. `}
        {copied === 'copied' && 'Lesson link copied.'}
        {copied === 'failed' && (
          <label>
            Copy it by hand: <input readOnly value={url} className="w-48 rounded border px-1" onFocus={(e) => e.target.select()} />
          </label>
        )}
      </p>
    </div>
  );
}
