import { describe, expect, it } from 'vitest';
import { LatestRunner } from './latest-runner';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('LatestRunner', () => {
  it('keeps one run in flight, replaces the waiting one, and drops stale answers', async () => {
    const calls: { input: string; d: ReturnType<typeof deferred<string>> }[] = [];
    const delivered: string[] = [];
    const runner = new LatestRunner<string, string>(
      (input) => {
        const d = deferred<string>();
        calls.push({ input, d });
        return d.promise;
      },
      (r) => delivered.push(r),
      () => undefined,
    );
    runner.submit('a');
    runner.submit('b');
    runner.submit('c');
    expect(calls.map((c) => c.input)).toEqual(['a']);
    calls[0]!.d.resolve('A');
    await Promise.resolve();
    await Promise.resolve();
    // "a" is no longer the latest input: its answer is dropped and only "c" runs next, never "b".
    expect(delivered).toEqual([]);
    expect(calls.map((c) => c.input)).toEqual(['a', 'c']);
    calls[1]!.d.resolve('C');
    await new Promise((r) => setTimeout(r, 0));
    expect(delivered).toEqual(['C']);
  });

  it('reports errors only for the latest input, and reset drops everything in flight', async () => {
    const errors: unknown[] = [];
    const delivered: string[] = [];
    const d = deferred<string>();
    const runner = new LatestRunner<string, string>(() => d.promise, (r) => delivered.push(r), (e) => errors.push(e));
    runner.submit('x');
    runner.reset();
    d.reject(new Error('boom'));
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual([]);
    expect(delivered).toEqual([]);
    expect(runner.busy).toBe(false);
  });
});
