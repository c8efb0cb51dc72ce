/** Helpers for reading hat params from share links: bad values fall back, each with a notice. */

/** Longest text read from a share link (characters): what this page writes fits in it (see link-budget.ts); longer text is cut with a notice. */
export const MAX_LINK_TEXT = 8000;

export interface Parsed<T> {
  value: T;
  notice?: string;
}

export function textParam(query: URLSearchParams, key: string, fallback: string, max = MAX_LINK_TEXT): Parsed<string> {
  const raw = query.get(key);
  if (raw === null) return { value: fallback };
  // [1] Control characters other than tab and newline cannot be typed and only confuse tokenizers.
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  if (clean.length > max) {
    return {
      value: clean.slice(0, max),
      notice: `The link's “${key}” was ${clean.length.toLocaleString()} characters long; it was cut to the first ${max.toLocaleString()}.`,
    };
  }
  return { value: clean };
}

/*
 * [2] Numbers in links are read strictly: digits, an optional sign and (where a fraction makes sense)
 *     one decimal point. JavaScript's Number() would also take "0x10", " 5 ", "1e3" and, worst, ""
 *     as 0; a link that says any of those was not written by this page, so it gets a notice. "-0"
 *     is 0 everywhere, so each param's own range decides about it.
 */
const WHOLE = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

export type NumberRead = { kind: 'absent' } | { kind: 'empty'; notice: string } | { kind: 'invalid'; raw: string } | { kind: 'number'; value: number };

/** A link's number param, read strictly (see [2]). */
export function readNumber(query: URLSearchParams, key: string, integer: boolean): NumberRead {
  const raw = query.get(key);
  if (raw === null) return { kind: 'absent' };
  if (raw === '') return { kind: 'empty', notice: `The link's “${key}” is empty; the default is used.` };
  if (!(integer ? WHOLE : DECIMAL).test(raw)) return { kind: 'invalid', raw: raw.slice(0, 20) };
  const value = Number(raw);
  if (!Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) return { kind: 'invalid', raw: raw.slice(0, 20) };
  return { kind: 'number', value: value === 0 ? 0 : value };
}

export function intParam(query: URLSearchParams, key: string, fallback: number, min: number, max: number): Parsed<number> {
  const read = readNumber(query, key, true);
  if (read.kind === 'absent') return { value: fallback };
  if (read.kind === 'empty') return { value: fallback, notice: read.notice };
  if (read.kind === 'invalid' || read.value < min || read.value > max) {
    const shown = read.kind === 'invalid' ? read.raw : String(read.value);
    return { value: fallback, notice: `The link's “${key}” (${shown}) must be a whole number from ${min} to ${max}; using ${fallback}.` };
  }
  return { value: read.value };
}

/** Collects notices while reading several params. */
export function collect() {
  const notices: string[] = [];
  return {
    notices,
    take<T>(parsed: Parsed<T>): T {
      if (parsed.notice) notices.push(parsed.notice);
      return parsed.value;
    },
  };
}

/** Writes `[key, value]` only when the value differs from its default. */
export function changed(entries: [string, string | number, string | number][]): [string, string][] {
  return entries.filter(([, value, def]) => value !== def).map(([key, value]) => [key, String(value)]);
}

/** A codec for params that are all plain texts (e.g. `text` and `text_pair`). */
export function textsCodec<P extends Record<keyof P, string>>(defaults: P) {
  const keys = Object.keys(defaults) as (keyof P & string)[];
  return {
    defaults,
    parse(query: URLSearchParams) {
      const c = collect();
      const params = { ...defaults };
      for (const key of keys) params[key] = c.take(textParam(query, key, defaults[key])) as P[typeof key];
      return { params, notices: c.notices };
    },
    serialize(p: P): [string, string][] {
      return changed(keys.map((key) => [key, p[key], defaults[key]]));
    },
  };
}
