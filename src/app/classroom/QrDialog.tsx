import { useEffect, useRef, useState } from 'react';
import { LinkWarning } from '../LinkWarning';

/**
 * A full-screen QR code of `url`, so a class can join from phones. A modal <dialog> keeps focus
 * inside (the rest of the page is inert), closes on Escape and hands focus back to its opener.
 */
export function QrDialog({ url: asked, onClose }: { url: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  // The link asked for, or its published twin once the person picks it (LinkWarning).
  const [published, setPublished] = useState<{ of: string; url: string }>();
  const url = published?.of === asked ? published.url : asked;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    return () => {
      if (d.open) d.close();
      opener?.focus();
    };
  }, []);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let gone = false;
    // The QR encoder is loaded when a code is first shown, not with the page.
    // [1] Level M survives a scuffed screen or a glare spot (~15% of modules); one module of
    // 1024 / (modules + 2·4 quiet zone) px stays sharp when CSS scales the canvas to the screen.
    const drawn = () => {
      if (gone) return;
      // qrcode pins the canvas' CSS size to its pixel size; the stylesheet fits it to the screen instead.
      el.style.removeProperty('width');
      el.style.removeProperty('height');
      setError('');
    };
    const tooLong = () => {
      if (!gone) setError(`This link is too long for a QR code (${url.length.toLocaleString('en')} characters). Share it as a link or a file instead.`);
    };
    import('qrcode').then(
      ({ toCanvas }) => toCanvas(el, url, { errorCorrectionLevel: 'M', margin: 4, width: 1024 }).then(drawn, tooLong),
      (e: unknown) => {
        if (!gone) setError(`The QR code maker could not be loaded (${e instanceof Error ? e.message : String(e)}). Copy the link instead.`);
      },
    );
    return () => {
      gone = true;
    };
  }, [url]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="qr-title"
      onClose={onClose}
      className="m-0 h-dvh max-h-none w-dvw max-w-none bg-white p-4 text-stone-950 backdrop:bg-stone-950/80"
    >
      <div className="flex h-full flex-col items-center gap-3">
        <div className="flex w-full items-center justify-between gap-3">
          <h2 id="qr-title" className="text-xl font-semibold">
            Scan to open this on your phone
          </h2>
          {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog's one action: focus starts on it */}
          <button ref={close} type="button" autoFocus className="btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <LinkWarning
          url={url}
          action="Show the published link"
          onPublished={(p) => {
            setPublished({ of: asked, url: p });
            // The warning and its button go away: focus goes back to the dialog's one action.
            close.current?.focus();
          }}
          className="w-full max-w-3xl"
        />
        {error ? (
          <p role="alert" className="text-lg">
            {error}
          </p>
        ) : (
          <canvas
            ref={canvas}
            data-testid="qr-canvas"
            role="img"
            aria-label="QR code of the link below"
            className="h-0 w-full flex-1 object-contain [image-rendering:pixelated]"
          />
        )}
        <p className="max-w-full font-mono text-sm break-all" data-testid="qr-url">
          {url}
        </p>
      </div>
    </dialog>
  );
}
