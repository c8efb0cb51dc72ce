import type { ErrorKind, WorkerError } from '@/engine/protocol';
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
  ['too-big', /out of memory|array buffer allocation|allocation failed|oom\b|memory access out of bounds|maximum call stack/i],
  ['network', /failed to fetch|networkerror|network error|load failed|err_|terminated|body stream|connection|premature|incomplete|protobuf parsing failed|unexpected end/i],
];

/** Turns anything thrown inside the worker into a message a person can act on. */
export function classify(error: unknown, model: string): WorkerError {
  if (error instanceof EngineError) return { kind: error.kind, message: error.message, detail: error.detail };
  if (error instanceof BadInputError) return { kind: 'bad-input', message: error.message };
  // [1] ONNX Runtime's WebAssembly side sometimes throws a bare number (a pointer to its own error).
  const detail =
    error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'number' ? `ONNX Runtime error #${error}` : String(error);
  const kind = rules.find(([, re]) => re.test(detail))?.[0] ?? 'internal';
  const message = {
    'not-found': `“${model}” could not be found on this host (it may not exist, be private, or lack a file the hat needs).`,
    'too-big': `“${model}” is too big for this device's memory. Try a smaller model or a smaller dtype (q8, q4).`,
    network: `The download of “${model}” stopped before it finished. Check the connection and try again.`,
    internal: `Something went wrong while running “${model}”.`,
  }[kind as 'not-found' | 'too-big' | 'network' | 'internal'];
  return { kind, message, detail };
}
