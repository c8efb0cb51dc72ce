import { describe, expect, it } from 'vitest';
import type { CachedModel } from '@/lib/model-cache';
import { cachedFrom, hostLabel, offlineMissing, shellText } from './status';
import { parsePackManifest } from './site-pack';

const cached = (host: string, model: string): CachedModel => ({ key: `${host} · ${model}`, host, model, files: ['config.json'], bytes: 10, requests: [] });

describe('hostLabel', () => {
  it('names the host, or "this site" for a pack next to the app', () => {
    expect(hostLabel('https://huggingface.co', 'https://school.example/hat-wardrobe/')).toBe('huggingface.co');
    expect(hostLabel('http://10.0.0.5:8080/models', 'https://school.example/hat-wardrobe/')).toBe('10.0.0.5:8080');
    expect(hostLabel('https://school.example/hat-wardrobe/models', 'https://school.example/hat-wardrobe/?hat=x')).toBe('this site');
    expect(hostLabel('https://school.example/hat-wardrobe/models/', 'https://school.example/hat-wardrobe/index.html')).toBe('this site');
    // Same server, but not under the app: another site on it.
    expect(hostLabel('https://school.example/mirror', 'https://school.example/hat-wardrobe/')).toBe('school.example');
  });
});

describe('cachedFrom', () => {
  it('keeps the models cached from this host, trailing slashes aside', () => {
    const all = [cached('https://huggingface.co', 'a/b'), cached('http://mirror', 'a/b'), cached('https://huggingface.co', 'c/d')];
    expect(cachedFrom(all, 'https://huggingface.co/').map((m) => m.model)).toEqual(['a/b', 'c/d']);
  });
});

describe('offlineMissing', () => {
  const all = [cached('https://huggingface.co', 'a/cached'), cached('http://mirror', 'x/elsewhere')];

  it('says the model is not cached and which ones are', () => {
    expect(offlineMissing('a/new', 'https://huggingface.co', all)).toBe(
      "You are offline. “a/new” is not in this browser's cache, so it needs the connection (or a model pack on the school network) to load. Cached and ready offline: a/cached.",
    );
  });

  it('tells a partly cached model from a missing one, and an empty cache from a full one', () => {
    expect(offlineMissing('a/cached', 'https://huggingface.co', all)).toBe(
      "You are offline. “a/cached” is only partly in this browser's cache, so it needs the connection to finish loading. No other model from this host is cached.",
    );
    expect(offlineMissing('a/new', 'http://other', all)).toMatch(/No other model from this host is cached\.$/);
  });

  it('online with a network failure, offers the cached models only when there are some, without guessing the cause', () => {
    expect(offlineMissing('a/new', 'https://huggingface.co', all, true, 'huggingface.co')).toBe(
      "“a/new” is not in this browser's cache, so it needs the model host (huggingface.co) to load. Cached and ready without it: a/cached.",
    );
    expect(offlineMissing('a/new', 'http://other', all, true, 'other')).toBeUndefined();
  });
});

describe('shellText', () => {
  it('says whether the page opens offline', () => {
    expect(shellText({ state: 'ready' })).toBe('Works offline: this page opens without a connection.');
    expect(shellText({ state: 'error', detail: 'quota' })).toBe('The app could not be saved for offline use (quota).');
    expect(shellText({ state: 'off' })).toContain('development server');
  });
});

describe('parsePackManifest', () => {
  it('reads the models of a pack and refuses anything else', () => {
    const host = 'https://school.example/hat-wardrobe/models';
    expect(parsePackManifest('{"revision":"main","models":{"b/c":{},"a/b":{}}}', host)).toEqual({ host, models: ['a/b', 'b/c'] });
    expect(parsePackManifest('<!doctype html><html></html>', host)).toBeUndefined();
    expect(parsePackManifest('{"models":{}}', host)).toBeUndefined();
    expect(parsePackManifest('{"models":["a/b"]}', host)).toBeUndefined();
  });
});
