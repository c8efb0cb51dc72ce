import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { PackError, resolveUrl, type RepoFile } from './hub-api.ts';

const ATTEMPTS = 3;

/**
 * Downloads one file to `dest`, checking its size against the listing (and its sha256 when the
 * host gave one). A connection that drops mid-file is retried from the start, twice.
 */
export async function downloadFile(
  host: string,
  model: string,
  file: RepoFile,
  dest: string,
  fetchFn: typeof fetch = fetch,
): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true });
  let last: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await downloadOnce(resolveUrl(host, model, file.path), model, file, dest, fetchFn);
      return;
    } catch (error) {
      // A 404 or a wrong size will not fix itself; a dropped connection might.
      if (error instanceof PackError) throw error;
      last = error;
    }
  }
  const why = last instanceof Error ? (last.cause instanceof Error ? last.cause.message : last.message) : String(last);
  throw new PackError(`The download of ${file.path} of “${model}” kept failing (${ATTEMPTS} tries): ${why}`);
}

async function downloadOnce(url: string, model: string, file: RepoFile, dest: string, fetchFn: typeof fetch): Promise<void> {
  const res = await fetchFn(url);
  if (res.status === 404) {
    await res.body?.cancel();
    throw new PackError(`${file.path} of “${model}” is listed but the host answered 404 for ${url}.`);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new PackError(`${url} answered HTTP ${res.status}.`);
  }
  let bytes = 0;
  const hash = createHash('sha256');
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (file.sha256) hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), count, createWriteStream(dest));
  if (bytes !== file.size) {
    // [1] A body that ended early without an error (a proxy cutting it) must not pass as the file.
    throw new Error(`${file.path}: got ${bytes} bytes, the listing says ${file.size}`);
  }
  if (file.sha256) {
    const got = hash.digest('hex');
    if (got !== file.sha256) throw new PackError(`${file.path} of “${model}” arrived corrupted (sha256 ${got}, expected ${file.sha256}).`);
  }
}
