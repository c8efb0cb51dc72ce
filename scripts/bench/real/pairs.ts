import { median } from '../app-page';

export interface Paired {
  /** Each side's milliseconds, pair by pair (the uncounted first pair left out). */
  a: number[];
  b: number[];
  /** a ÷ b: the median of each pair's ratio. */
  ratio: number;
}

/*
 * Two things timed in pairs, back to back, which goes first swapping every pair; one uncounted pair
 * first (a new length or a new page plans its shapes and tiers up). This machine's speed moves from
 * one minute to the next and now and then stalls both runs of a pair at once (twice as long), so a
 * ratio is judged pair by pair: the ratio of two medians taken over a minute moved with the machine
 * (an encoder at 512 tokens: 1.07 from medians where its pairs' median was 0.98).
 */
export async function inPairs(pairs: number, a: (i: number) => Promise<number>, b: (i: number) => Promise<number>): Promise<Paired> {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i <= pairs; i++) {
    const ms = { a: NaN, b: NaN };
    if (i % 2 === 0) {
      ms.a = await a(i);
      ms.b = await b(i);
    } else {
      ms.b = await b(i);
      ms.a = await a(i);
    }
    if (i === 0) continue;
    out.a.push(ms.a);
    out.b.push(ms.b);
  }
  return { ...out, ratio: median(out.a.map((x, i) => x / out.b[i]!)) };
}
