import { EngineError } from '../errors';
import { damaged, fileRef, hostStatus } from '../net/failures';

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
  if (response.status === 416) {
    await response.body?.cancel();
    throw cutShort(target, span, sizeOf(response.headers.get('content-range')));
  }
  if (response.status !== 206) {
    await response.body?.cancel();
    throw hostStatus(fileRef(url), response.status, response.statusText);
  }
  const got = response.headers.get('content-range') ?? '';
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)/.exec(got);
  const size = sizeOf(got);
  if (size !== undefined) onVersion({ etag: response.headers.get('etag') ?? '', size });
  if (m && Number(m[1]) === span.start && size !== undefined && Number(m[2]) < span.end - 1 && Number(m[2]) === size - 1) {
    // [2] The host sent what it has: the file ends before the bytes its header points at.
    await response.body?.cancel();
    throw cutShort(target, span, size);
  }
  if (!m || Number(m[1]) !== span.start || Number(m[2]) !== span.end - 1) {
    await response.body?.cancel();
    throw new Error(`${url} answered Range ${range} with Content-Range “${got}”`);
  }
  return readBody(response, span.end - span.start, file, onChunk);
}

/** The file's whole size: the number after the slash of a Content-Range header (206 and 416 answers both carry it). */
function sizeOf(contentRange: string | null): number | undefined {
  const m = /\/(\d+)\s*$/.exec(contentRange ?? '');
  return m ? Number(m[1]) : undefined;
}

function cutShort(target: RangeFile, span: Span, size: number | undefined): EngineError {
  const has = size === undefined ? 'fewer bytes' : `${size.toLocaleString('en-US')} bytes`;
  return damaged(fileRef(target.url), `the file has ${has}, but its header places a tensor at bytes ${span.start.toLocaleString('en-US')}–${span.end.toLocaleString('en-US')} (the file was cut short)`, false);
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
