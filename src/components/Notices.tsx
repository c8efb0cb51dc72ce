export interface Notice {
  id: number;
  tone: 'info' | 'warning';
  text: string;
}


export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  if (notices.length === 0) return null;
  return (
    <ul aria-label="Notices" className="flex flex-col gap-2">
      {notices.map((n) => (
        <li
          key={n.id}
          role="status"
          data-testid="notice"
          className={`flex items-start justify-between gap-3 rounded-lg border px-3 py-2 text-sm ${
            n.tone === 'warning' ? 'border-amber-400 bg-amber-100 dark:bg-amber-950' : 'border-sky-300 bg-sky-50 dark:bg-sky-950'
          }`}
        >
          <span>{n.text}</span>
          <button type="button" className="shrink-0 rounded px-1 font-bold focus-visible:ring-2 focus-visible:ring-amber-500" aria-label="Dismiss notice" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
