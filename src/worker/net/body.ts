import { checkLimits, CONFIG_LIMITS, LimitError } from '@/lib/limits';
import { OnnxShapeError, OnnxStreamCheck } from '@/lib/onnx/stream-check';
import { EngineError } from '../errors';
import { brokeOff, damaged, stalled, tooBig, trickling, webPage, type FileRef } from './failures';
import { reasonOf } from './scope';

/*
 * A model file's body, read as it streams in: never more bytes than the file may have (a gzip bomb
 * stops at the cap, whatever it would inflate to), never a wait longer than the stall limit for the
 * next bytes, and, for the files that can be checked, a check of their content that fails the read
 * before anything downstream (the cache, ONNX Runtime, JSON.parse) sees a damaged file.
 */

export type FileKind = 'json' | 'onnx' | 'bytes';

export function kindOf(file: string): FileKind {
  if (/\.json$/.test(file)) return 'json';
  if (/\.onnx$/.test(file)) return 'onnx';
  return 'bytes';
}

const EXPECTED: Record<FileKind, string> = { json: 'JSON file', onnx: 'ONNX model', bytes: 'model file' };

export function expectedContent(file: string): string {
  return EXPECTED[kindOf(file)];
}

/** Checks a file's content chunk by chunk; both methods throw an EngineError that names the cause. */
export interface ContentCheck {
  push(chunk: Uint8Array): void;
  finish(): void;
}

const LESS_THAN = 0x3c;
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf;

/** [1] A web page starts with `<` (after blanks or a BOM); neither JSON nor ONNX ever does. */
function htmlSniffer(f: FileRef) {
  let decided = false;
  return (chunk: Uint8Array) => {
    for (let i = 0; i < chunk.length && !decided; i++) {
      if (isSpace(chunk[i]!)) continue;
      decided = true;
      if (chunk[i] === LESS_THAN) throw webPage(f, expectedContent(f.file));
    }
  };
}

function jsonCheck(f: FileRef, fromCache: boolean): ContentCheck {
  const sniff = htmlSniffer(f);
  const chunks: Uint8Array[] = [];
  return {
    push(chunk) {
      sniff(chunk);
      chunks.push(chunk);
    },
    finish() {
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(join(chunks)));
      } catch (error) {
        throw damaged(f, `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`, fromCache);
      }
      if (f.file.split('/').pop() === 'config.json') {
        try {
          checkLimits('config.json', json, CONFIG_LIMITS);
        } catch (error) {
          if (error instanceof LimitError) throw tooBig(f, error.message, `${f.url}: ${error.field}`);
          throw error;
        }
      }
    },
  };
}

function onnxCheck(f: FileRef, fromCache: boolean): ContentCheck {
  const sniff = htmlSniffer(f);
  const walk = new OnnxStreamCheck();
  const damage = (error: unknown) => (error instanceof OnnxShapeError ? damaged(f, error.message, fromCache) : error);
  return {
    push(chunk) {
      sniff(chunk);
      try {
        walk.push(chunk);
      } catch (error) {
        throw damage(error);
      }
    },
    finish() {
      try {
        walk.finish();
      } catch (error) {
        throw damage(error);
      }
    },
  };
}

/** The check for a whole file of this kind; undefined when its content cannot be checked. */
export function contentCheck(f: FileRef, fromCache = false): ContentCheck | undefined {
  const kind = kindOf(f.file);
  if (kind === 'json') return jsonCheck(f, fromCache);
  if (kind === 'onnx') return onnxCheck(f, fromCache);
  return undefined;
}

function join(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A timer for "nothing arrived for `ms`". [2] When the worker's thread was busy (ONNX Runtime
 * compiling, say), the timer fires late and the bytes that arrived meanwhile have not been seen
 * yet: a timer more than a second late waits one more second before it calls it a stall.
 */
export function stallTimer(ms: number, onStall: () => void): () => void {
  let due = performance.now() + ms;
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    const now = performance.now();
    if (now - due > 1000) {
      due = now + 1000;
      timer = setTimeout(tick, 1000);
      return;
    }
    onStall();
  };
  timer = setTimeout(tick, ms);
  return () => clearTimeout(timer);
}

/** `promise`, or the stall error after `ms` without it settling, or the signal's reason. */
export function within<T>(promise: Promise<T>, ms: number, signal: AbortSignal, onStall: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      stop();
      signal.removeEventListener('abort', aborted);
    };
    const aborted = () => {
      done();
      reject(reasonOf(signal));
    };
    const stop = stallTimer(ms, () => {
      done();
      reject(onStall());
    });
    signal.addEventListener('abort', aborted);
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

export interface GuardOptions {
  file: FileRef;
  /** Most bytes the body may have. */
  limit: number;
  /** The Content-Length the host announced, when the body is not compressed. */
  expectedLength?: number;
  check?: ContentCheck;
  stallMs: number;
  signal: AbortSignal;
  /** The host stopped: end the whole request (see NetScope.fail). */
  onStall(error: EngineError): void;
  /** Every failure, as it happens (see NetScope.record: the reader may only see "Failed to fetch"). */
  onError(error: unknown): void;
  /** The content failed its check (a cached copy is dropped here). */
  onInvalid?(): void;
}

/**
 * [3] A host that trickles (a byte every few seconds) is never silent for the stall limit, yet would
 * take hours. For every stall limit's worth of waiting on the host (time the reader spent elsewhere
 * does not count), it must send at least this many bytes, or it has stalled too.
 */
export const TRICKLE_BYTES = 1024;

/** The body, read only as fast as its reader asks, with every rule above applied on the way. */
export function guardBody(body: ReadableStream<Uint8Array>, o: GuardOptions): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let count = 0;
  const window = { waited: 0, bytes: 0 };
  const fail = async (error: unknown): Promise<never> => {
    o.onError(error);
    await reader.cancel().catch(() => undefined);
    throw error;
  };
  const invalid = (error: unknown): Promise<never> => {
    o.onInvalid?.();
    return fail(error);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let result: ReadableStreamReadResult<Uint8Array>;
        const asked = performance.now();
        try {
          result = await within(reader.read(), o.stallMs, o.signal, () => {
            const error = stalled(o.file, o.stallMs);
            o.onStall(error);
            return error;
          });
        } catch (error) {
          if (error instanceof EngineError) return fail(error);
          return fail(o.signal.aborted ? reasonOf(o.signal) : brokeOff(o.file, error));
        }
        if (result.done) {
          if (o.expectedLength !== undefined && count < o.expectedLength) {
            return invalid(damaged(o.file, `it ended after ${count.toLocaleString('en-US')} of ${o.expectedLength.toLocaleString('en-US')} bytes`, false));
          }
          try {
            o.check?.finish();
          } catch (error) {
            return invalid(error);
          }
          controller.close();
          return;
        }
        count += result.value.byteLength;
        window.waited += performance.now() - asked;
        window.bytes += result.value.byteLength;
        if (window.waited >= o.stallMs) {
          // [3]
          if (window.bytes < TRICKLE_BYTES) {
            const error = trickling(o.file, window.bytes, window.waited);
            o.onStall(error);
            return fail(error);
          }
          Object.assign(window, { waited: 0, bytes: 0 });
        }
        if (count > o.limit) {
          return fail(tooBig(o.file, `${o.file.file} is more than ${Math.round(o.limit / 1e6).toLocaleString('en-US')} MB, the most this page reads for such a file; the download was stopped there.`));
        }
        try {
          o.check?.push(result.value);
        } catch (error) {
          return invalid(error);
        }
        controller.enqueue(result.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
