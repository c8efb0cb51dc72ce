/**
 * HTTP Range parsing for the test hub (RFC 9110 §14), single ranges only.
 *
 * A header the server may ignore (absent, malformed, other unit, several
 * ranges) yields `none`, which means "answer 200 with the whole body": the
 * RFC lets a server ignore Range it does not understand, and that is what a
 * plain static host does.
 */
export type RangeResult =
  | { kind: 'none' }
  | { kind: 'unsatisfiable' }
  | { kind: 'range'; start: number; end: number };

const SPEC = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/;

export function parseRange(header: string | undefined | null, size: number): RangeResult {
  if (header === undefined || header === null) return { kind: 'none' };
  const m = SPEC.exec(header.trim());
  if (!m) return { kind: 'none' };
  const first = m[1] ?? '';
  const last = m[2] ?? '';
  if (first === '' && last === '') return { kind: 'none' };

  if (first === '') {
    // Suffix range: the last n bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - n), end: size - 1 };
  }

  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'none' }; // invalid spec: ignore
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'range', start, end };
}
