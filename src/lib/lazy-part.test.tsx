// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyPart } from './import-chunk';

afterEach(cleanup);

const Answer = ({ text }: { text: string }) => <p>{text}</p>;

describe('lazyPart', () => {
  it('fetches its chunk once, whether preloaded first or drawn first', async () => {
    const load = vi.fn(() => Promise.resolve({ default: Answer }));
    const Part = lazyPart(load);
    void Part.preload();
    void Part.preload();
    expect(load).toHaveBeenCalledTimes(1);
    render(
      <Suspense fallback={<p>Opening…</p>}>
        <Part text="the answer" />
      </Suspense>,
    );
    expect(await screen.findByText('the answer')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a preload that failed is asked again by the first render', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline for a moment')).mockResolvedValue({ default: Answer });
    const Part = lazyPart(load);
    await Part.preload();
    expect(load).toHaveBeenCalledTimes(1);
    render(
      <Suspense fallback={<p>Opening…</p>}>
        <Part text="drawn after all" />
      </Suspense>,
    );
    expect(await screen.findByText('drawn after all')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
