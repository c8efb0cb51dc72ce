import type { ErrorKind, WorkerError } from '@/engine/protocol';
import { LimitError } from '@/lib/limits';
import { OnnxShapeError } from '@/lib/onnx/stream-check';
import { BadInputError } from './adapter';

/** An error the engine raises on purpose, already in the page's words. */
export class EngineError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

const rules: [ErrorKind, RegExp][] = [
  ['not-found', /could not locate file|\b40[14]\b|not found|unauthorized|file not found/i],
  ['too-big', /out of memory|array buffer allocation|allocation failed|oom\b|memory access out of bounds|maximum call stack|invalid array length|invalid string length|invalid typed array length/i],
  // [2] ONNX Runtime could not read a model file: the bytes it was given are damaged.
  ['damaged', /protobuf parsing failed|failed to load model|unexpected end of (json|data)/i],
  ['network', /failed to fetch|networkerror|network error|load failed|err_|terminated|body stream|connection|premature|incomplete/i],
];

/**
 * True when the error was raised by a check of ours (a refusal, bad input, a host's answer) rather
 * than thrown from inside the model runtime. [3] Only a failure from inside can leave the runtime
 * unusable: transformers.js chains every ONNX session it opens on one promise, and one rejected
 * session keeps that chain rejected for the worker's life (transformers.js#1767).
 */
export function isOurs(error: unknown): boolean {
  return error instanceof EngineError || error instanceof BadInputError || error instanceof LimitError || error instanceof OnnxShapeError;
}

/** Turns anything thrown inside the worker into a message a person can act on. */
export function classify(error: unknown, model: string): WorkerError {
  if (error instanceof EngineError) return { kind: error.kind, message: error.message, detail: error.detail };
  if (error instanceof BadInputError) return { kind: 'bad-input', message: error.message };
  if (error instanceof LimitError) return { kind: 'too-big', message: model ? `“${model}”: ${error.message}` : error.message };
  if (error instanceof OnnxShapeError) return { kind: 'damaged', message: `“${model}” has a damaged ONNX file: ${error.message}.` };
  // [1] ONNX Runtime's WebAssembly side sometimes throws a bare number (a pointer to its own error).
  const detail =
    error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'number' ? `ONNX Runtime error #${error}` : String(error);
  const kind = rules.find(([, re]) => re.test(detail))?.[0] ?? 'internal';
  const message = {
    'not-found': `“${model}” could not be found on this host (it may not exist, be private, or lack a file the hat needs).`,
    'too-big': `“${model}” is too big for this device's memory. Try a smaller model or a smaller dtype (q8, q4).`,
    damaged: `A file of “${model}” is damaged: the model runtime could not read it. It was removed from the cache; Retry downloads it again.`,
    network: `The download of “${model}” stopped before it finished. Check the connection and Retry.`,
    internal: `Something went wrong while running “${model}”.`,
  }[kind as 'not-found' | 'too-big' | 'damaged' | 'network' | 'internal'];
  return { kind, message, detail };
}
