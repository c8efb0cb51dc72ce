/** A run of the text as the highlighter draws it. */
export interface Segment {
  text: string;
  start: number;
  /** Index of the entity this run belongs to; absent for plain text. */
  entity?: number;
  /** Past the model's window: it never read this part. */
  unread?: boolean;
}

/** Combining marks (accents, variation selectors) stay with the letter before them, so a highlight never cuts "é" apart. */
function overMarks(text: string, end: number): number {
  let e = end;
  while (e < text.length) {
    const cp = text.codePointAt(e)!;
    if (!/\p{M}/u.test(String.fromCodePoint(cp))) break;
    e += cp > 0xffff ? 2 : 1;
  }
  return e;
}

/**
 * Cuts the text into plain runs and entity runs, in order. Spans come from the aggregation in text order;
 * an empty span, or the part of a span that overlaps the one before it, is not drawn again.
 */
export function segments(text: string, spans: { start: number; end: number }[], readUpTo = text.length): Segment[] {
  const out: Segment[] = [];
  let cursor = 0;
  const plain = (to: number) => {
    if (to > cursor) out.push({ text: text.slice(cursor, to), start: cursor });
    cursor = Math.max(cursor, to);
  };
  spans.forEach((span, entity) => {
    const start = Math.max(span.start, cursor);
    const end = overMarks(text, Math.min(span.end, text.length));
    if (end <= start) return;
    plain(start);
    out.push({ text: text.slice(start, end), start, entity });
    cursor = end;
  });
  plain(Math.min(readUpTo, text.length));
  if (cursor < text.length) out.push({ text: text.slice(cursor), start: cursor, unread: true });
  return out;
}
