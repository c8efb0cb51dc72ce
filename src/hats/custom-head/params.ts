import { collect, textParam } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';
import { HEAD_LINK_MAX, readHeadParam } from './head-codec';

export interface CustomHeadParams {
  /** The text the head reads live. */
  text: string;
  /** The trained head in its link form (head-codec.ts); empty before training or import. */
  head: string;
}

const defaults: CustomHeadParams = { text: 'I curl up on the warm mat and sleep all day.', head: '' };

/** The head is too big to travel in a share link: the link leaves it out and the page says so. */
export function headTooBigForLink(head: string): boolean {
  return head.length > HEAD_LINK_MAX;
}

export const customHeadCodec: ParamsCodec<CustomHeadParams> = {
  defaults,
  parse(query) {
    const c = collect();
    const text = c.take(textParam(query, 'text', defaults.text));
    const raw = query.get('head');
    let head = '';
    if (raw !== null && raw !== '') {
      if (headTooBigForLink(raw)) {
        c.notices.push(`The link's head is ${raw.length.toLocaleString()} characters long, more than the ${HEAD_LINK_MAX.toLocaleString()} a link may carry, so it was not read. Share the head as a file instead.`);
      } else {
        const { error } = readHeadParam(raw);
        if (error) c.notices.push(`The link's head was refused: ${error}`);
        else head = raw;
      }
    }
    return { params: { text, head }, notices: c.notices };
  },
  serialize(p) {
    const out: [string, string][] = [];
    if (p.text !== defaults.text) out.push(['text', p.text]);
    // A head too big for a link stays in the page; the Form says the link leaves it out.
    if (p.head && !headTooBigForLink(p.head)) out.push(['head', p.head]);
    return out;
  },
};
