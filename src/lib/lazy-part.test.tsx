// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyPart, type LazyPart } from './import-chunk';

afterEach(cleanup);

const Answer = ({ text }: { text: string }) => <p>{text}</p>;

/** Draws the part under a Suspense boundary and waits until it shows `text`. */
async function drawn(Part: LazyPart<typeof Answer>, text: string) {
  render(
    <Suspense fallback={<p>Opening…</p>}>
      <Part text={text} />
    </Suspense>,
  );
  expect(await screen.findByText(text)).toBeTruthy();
}

describe('lazyPart', () => {
  it('fetches its chunk once, whether preloaded first or drawn first', async () => {
    const load = vi.fn(() => Promise.resolve({ default: Answer }));
    const Part = lazyPart(load);
    void Part.preload();
    void Part.preload();
    expect(load).toHaveBeenCalledTimes(1);
    await drawn(Part, 'the answer');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a preload that failed is asked again by the first render', async () => {
    const load = vi.fn<() => Promise<{ default: typeof Answer }>>().mockRejectedValueOnce(new Error('offline for a moment')).mockResolvedValue({ default: Answer });
    const Part = lazyPart(load);
    await Part.preload();
    expect(load).toHaveBeenCalledTimes(1);
    await drawn(Part, 'drawn after all');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
