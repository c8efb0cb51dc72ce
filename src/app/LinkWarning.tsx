import { linkReach, publishedLink, reachWarning } from '@/lib/link-reach';

/** The warning for a link that not every device can open, and the published link to use instead. */
export function linkAdvice(url: string): { warning: string; published?: string } {
  const warning = reachWarning(linkReach(url));
  if (!warning) return { warning };
  // The address the site is published at, set at build time (README, "Publishing").
  const publicUrl = import.meta.env.VITE_PUBLIC_URL as string | undefined;
  return { warning, published: publishedLink(url, new URL('.', document.baseURI).href, publicUrl) };
}

interface Props {
  url: string;
  /** The button's words, e.g. "Show the published link". */
  action: string;
  onPublished: (published: string) => void;
  className?: string;
}

/** Says when `url` points at this computer or a private address, and offers the published address. */
export function LinkWarning({ url, action, onPublished, className = '' }: Props) {
  const { warning, published } = linkAdvice(url);
  if (!warning) return null;
  return (
    <div data-testid="link-warning" className={`flex flex-col gap-1 rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 ${className}`}>
      <p>{warning}</p>
      {published ? (
        <p className="flex flex-wrap items-center gap-2">
          <span>
            Published at <span className="font-mono break-all">{published}</span>
          </span>
          <button type="button" className="btn" onClick={() => onPublished(published)}>
            {action}
          </button>
        </p>
      ) : (
        <p>Open the app at an address the other devices can reach (its published site) to share it with them.</p>
      )}
    </div>
  );
}
