/*
 * [1] How long a share link may be. Servers cap the request line and headers together: Node's HTTP
 *     server (vite preview, many hosts) answers 431 past 16 KB, and common proxies and CDNs stop at
 *     8 KB. The query is kept under 8 000 bytes counted as sent, percent-encoded: one CJK character
 *     is 3 UTF-8 bytes and 9 once encoded, so 3 000 of them (25 KB) would not arrive.
 */
export const MAX_QUERY_BYTES = 8_000;
/** The param that says which params were shortened: `cut=context`. */
export const CUT_PARAM = 'cut';

/** Bytes one code point takes in application/x-www-form-urlencoded (what URLSearchParams writes). */
function encodedBytes(cp: number): number {
  if (cp < 0x80) return /[A-Za-z0-9*\-._ ]/.test(String.fromCodePoint(cp)) ? 1 : 3;
  const utf8 = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  return utf8 * 3;
}

/** The encoded length of a string, as URLSearchParams would write it. */
export function encodedLength(text: string): number {
  let n = 0;
  for (const ch of text) n += encodedBytes(ch.codePointAt(0)!);
  return n;
}

/** The longest start of `text` (whole code points) whose encoded length is at most `max`. */
export function cutToEncoded(text: string, max: number): string {
  let n = 0;
  let end = 0;
  for (const ch of text) {
    n += encodedBytes(ch.codePointAt(0)!);
    if (n > max) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

const querySize = (entries: readonly [string, string][]) =>
  entries.reduce((n, [k, v], i) => n + (i > 0 ? 1 : 0) + encodedLength(k) + 1 + encodedLength(v), 1);

/**
 * `fixed` followed by `params`, shortened to fit in `budget` bytes (with room for the `cut` param
 * naming what was shortened): the longest value is cut first, then the next, so short inputs are
 * never touched while a long one can give room.
 */
export function fitQuery(fixed: readonly [string, string][], params: readonly [string, string][], budget = MAX_QUERY_BYTES): { entries: [string, string][]; cut: string[] } {
  const entries: [string, string][] = [...fixed.map(([k, v]): [string, string] => [k, v]), ...params.map(([k, v]): [string, string] => [k, v])];
  const cut: string[] = [];
  const cutNote = () => (cut.length > 0 ? 1 + CUT_PARAM.length + 1 + encodedLength(cut.join(',')) : 0);
  // Each pass either makes the query fit or empties one value, so there are at most as many passes as params.
  for (let pass = 0; pass <= params.length; pass++) {
    if (querySize(entries) + cutNote() <= budget) break;
    let longest = -1;
    for (let i = fixed.length; i < entries.length; i++) {
      if (longest < 0 || encodedLength(entries[i]![1]) > encodedLength(entries[longest]![1])) longest = i;
    }
    const [key, value] = entries[longest] ?? ['', ''];
    if (longest < 0 || value === '') break;
    if (!cut.includes(key)) cut.push(key);
    const over = querySize(entries) + cutNote() - budget;
    entries[longest] = [key, cutToEncoded(value, Math.max(0, encodedLength(value) - over))];
  }
  return { entries, cut };
}
