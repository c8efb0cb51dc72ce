import { describe, expect, it } from 'vitest';
import { chunkUrl, freshUrl, importChunk } from './import-chunk';

const failure = new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/hat-wardrobe/assets/Output-Ab12.js');

describe('importChunk', () => {
  it('reads the chunk address from the browsers\' messages', () => {
    expect(chunkUrl(failure)).toBe('http://127.0.0.1/hat-wardrobe/assets/Output-Ab12.js');
    expect(chunkUrl(new TypeError('error loading dynamically imported module: https://x.test/a.js'))).toBe('https://x.test/a.js');
    expect(chunkUrl(new TypeError('Importing a module script failed.'))).toBeUndefined();
    expect(freshUrl('https://x.test/a.js', 7)).toBe('https://x.test/a.js?fresh=7');
    expect(freshUrl('https://x.test/a.js?v=1', 7)).toBe('https://x.test/a.js?v=1&fresh=7');
  });

  it('fetches a chunk that failed once fresh, once; other errors pass through', async () => {
    const asked: string[] = [];
    const retry = async (url: string) => (asked.push(url), { default: 'Output' });
    await expect(importChunk(() => Promise.resolve({ default: 'first' }), retry)).resolves.toEqual({ default: 'first' });
    await expect(importChunk(() => Promise.reject(failure), retry)).resolves.toEqual({ default: 'Output' });
    expect(asked).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1\/hat-wardrobe\/assets\/Output-Ab12\.js\?fresh=\d+$/)]);
    await expect(importChunk(() => Promise.reject(new Error('boom')), retry)).rejects.toThrow('boom');
    await expect(importChunk(() => Promise.reject(failure), () => Promise.reject(failure))).rejects.toBe(failure);
  });
});
