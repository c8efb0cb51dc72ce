import { describe, expect, it } from 'vitest';
import { decide, isolationText, reloadFlag, type Situation } from './isolation';

const base: Situation = { isolated: false, framed: false, workerAdds: true, tried: false };

describe('decide', () => {
  it('reloads once where the worker adds the headers and the page is not isolated yet', () => {
    expect(decide(base)).toBe('reload');
    expect(decide({ ...base, tried: true })).toEqual({ state: 'none', why: 'refused' });
  });

  it('never reloads an isolated page, and says who isolated it', () => {
    expect(decide({ ...base, isolated: true })).toEqual({ state: 'service-worker' });
    expect(decide({ ...base, isolated: true, workerAdds: false })).toEqual({ state: 'host' });
    expect(decide({ ...base, isolated: true, framed: true, tried: true })).toEqual({ state: 'service-worker' });
  });

  it('does not reload a page in a frame, or one whose worker adds nothing', () => {
    expect(decide({ ...base, framed: true })).toEqual({ state: 'none', why: 'framed' });
    expect(decide({ ...base, workerAdds: false })).toEqual({ state: 'none', why: 'no-headers' });
  });
});

describe('isolationText', () => {
  it('says who isolated the page, or that it runs on one thread and why', () => {
    expect(isolationText({ state: 'host' })).toContain('isolated by the host');
    expect(isolationText({ state: 'service-worker' })).toContain('isolated by this site\'s service worker');
    expect(isolationText({ state: 'pending' })).toMatch(/^This page is not isolated: one thread for now\. It reloads once/);
    expect(isolationText({ state: 'none', why: 'no-service-worker' })).toBe(
      'This page is not isolated: one thread (the host sends no COOP/COEP headers, and this browser offers no service worker to add them, as in some private windows).',
    );
    expect(isolationText({ state: 'none', why: 'error', detail: 'SecurityError' })).toContain('could not start (SecurityError)');
  });
});

describe('reloadFlag', () => {
  it('remembers a reload for the tab, and forgets it when cleared', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    expect(reloadFlag.tried(storage)).toBe(false);
    expect(reloadFlag.set(storage)).toBe(true);
    expect(reloadFlag.tried(storage)).toBe(true);
    reloadFlag.clear(storage);
    expect(reloadFlag.tried(storage)).toBe(false);
  });

  it('counts a storage that refuses as tried, so a page without it never reloads', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(reloadFlag.tried(refusing)).toBe(true);
    expect(reloadFlag.set(refusing)).toBe(false);
  });
});
