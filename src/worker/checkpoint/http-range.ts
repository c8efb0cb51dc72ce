import { EngineError } from '../errors';

/** A byte span of the file, half-open: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Which version of a file the bytes are from: its ETag (empty when the host gives none) and size. */
export interface FileVersion {
  etag: string;
  size: number;
}

export interface RangeFile {
  /** The file's URL, e.g. <host>/<model>/resolve/main/model.safetensors */
  url: string;
  host: string;
  model: string;
  file: string;
}

/*
 * [1] HTTP Range (RFC 9110 §14): `Range: bytes=a-b` asks for bytes a..b inclusive, and a server that
 *     honours it answers 206 with `Content-Range: bytes a-b/size`. A server may also ignore the header
 *     and answer 200 with the whole file, which for a 440 MB checkpoint is exactly what we must avoid.
 */
export async function fetchSpan(
  target: RangeFile,
  fetchFn: typeof fetch,
  span: Span,
  onChunk: (chunk: Uint8Array) => void,
  onVersion: (version: FileVersion) => void = () => undefined,
): Promise<void> {
  const { url, host, model, file } = target;
  const range = `bytes=${span.start}-${span.end - 1}`;
  const response = await fetchFn(url, { headers: { Range: range } });
  if (response.status === 404) {
    await response.body?.cancel();
    throw new EngineError(
      'not-found',
      `“${model}” has no ${file}, so its checkpoint cannot be read in the browser. This hat needs a checkpoint saved as safetensors.`,
      `${url} answered 404`,
    );
  }
  if (response.status === 200) {
    // [1] The host is sending the whole file: stop it before hundreds of megabytes arrive.
    await response.body?.cancel();
    const where = new URL(response.url || url).origin;
    const via = where !== new URL(url).origin ? ` (redirected to ${where})` : '';
    throw new EngineError(
      'unsupported',
      `The model host ${host}${via} ignores HTTP Range requests, so “${model}” cannot be read piece by piece (it would send the whole ${file}). Use a host that supports Range requests, such as https://huggingface.co.`,
      `asked for ${range}, got 200`,
    );
  }
  if (response.status !== 206) {
    await response.body?.cancel();
    throw new Error(`${url} answered HTTP ${response.status} to Range ${range}`);
  }
  const got = response.headers.get('content-range') ?? '';
  const m = /^bytes (\d+)-(\d+)\//.exec(got);
  if (!m || Number(m[1]) !== span.start || Number(m[2]) !== span.end - 1) {
    await response.body?.cancel();
    throw new Error(`${url} answered Range ${range} with Content-Range “${got}”`);
  }
  const size = /\/(\d+)\s*$/.exec(got);
  if (size) onVersion({ etag: response.headers.get('etag') ?? '', size: Number(size[1]) });
  return readBody(response, span.end - span.start, file, onChunk);
}

/** Hands the body on chunk by chunk as it streams in (nothing is kept here), checking its length. */
async function readBody(response: Response, length: number, file: string, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  let at = 0;
  const reader = response.body?.getReader();
  if (!reader) {
    const all = new Uint8Array(await response.arrayBuffer());
    at = Math.min(all.byteLength, length);
    onChunk(all.subarray(0, at));
  } else {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.byteLength > length) {
        await reader.cancel();
        throw new Error(`The host sent more of ${file} than was asked for`);
      }
      at += value.byteLength;
      onChunk(value);
    }
  }
  if (at !== length) throw new Error(`The download of ${file} ended early (premature end after ${at} of ${length} bytes)`);
}
