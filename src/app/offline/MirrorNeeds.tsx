/** What a school's mirror must send for this page to load models from it (README, "What a school mirror of models must serve"). */
export function MirrorNeeds() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">What a school&apos;s mirror must send</summary>
      <ul className="mt-1 list-disc pl-5">
        <li>
          The Hub&apos;s layout: <code>&lt;host&gt;/&lt;org&gt;/&lt;name&gt;/resolve/main/&lt;file&gt;</code>, and a real 404 for a missing file.
        </li>
        <li>
          CORS, on another origin: <code>Access-Control-Allow-Origin: *</code> and <code>Access-Control-Expose-Headers: Content-Range, Content-Length</code>;
          preflight requests must allow the <code>Range</code> header. Without CORS the browser hides every file from this page.
        </li>
        <li>Range requests (206), for the hats that read a checkpoint piece by piece.</li>
        <li>
          <code>Cross-Origin-Resource-Policy: cross-origin</code>, as the Hub does: this page runs under COEP <code>require-corp</code>.
        </li>
      </ul>
    </details>
  );
}
