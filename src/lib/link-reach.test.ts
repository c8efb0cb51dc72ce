import { describe, expect, it } from 'vitest';
import { linkReach, publishedLink, reachWarning } from './link-reach';

describe('linkReach', () => {
  it.each([
    'http://localhost:5173/?v=1',
    'http://app.localhost/',
    'http://127.0.0.1:4173/hat-wardrobe/',
    'http://127.8.9.10/',
    'http://[::1]:4173/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0:4173/',
  ])('%s opens only on this computer', (link) => {
    expect(linkReach(link).kind).toBe('this-device');
  });

  it.each([
    'http://10.0.0.7/',
    'http://192.168.1.20:4173/hat-wardrobe/',
    'http://172.16.0.1/',
    'http://172.31.255.254/',
    'http://169.254.3.4/',
    'http://[fe80::1]/',
    'http://[fd12:3456::1]/',
    'http://classroom-pi.local/',
    'http://raspberrypi/',
  ])('%s opens only on the local network', (link) => {
    expect(linkReach(link).kind).toBe('local-network');
  });

  it.each(['https://you.github.io/hat-wardrobe/', 'http://172.32.0.1/', 'http://8.8.8.8/', 'http://[2001:db8::1]/', 'not a link'])(
    '%s is not flagged',
    (link) => {
      expect(linkReach(link).kind).toBe('anywhere');
    },
  );

  it('names the host in the warning, and says nothing for a public link', () => {
    expect(reachWarning(linkReach('http://127.0.0.1:4173/'))).toBe(
      'This link points at 127.0.0.1, this computer itself: phones and other computers cannot open it.',
    );
    expect(reachWarning(linkReach('http://192.168.1.20/'))).toContain('192.168.1.20, a private address: only devices on the same local network');
    expect(reachWarning(linkReach('https://example.org/'))).toBe('');
  });
});

describe('publishedLink', () => {
  const base = 'http://127.0.0.1:4173/hat-wardrobe/';

  it('keeps the path and query after the app folder, on the published site', () => {
    expect(publishedLink(`${base}?v=1&hat=some-hat&text=a+b`, base, 'https://you.github.io/hat-wardrobe/')).toBe(
      'https://you.github.io/hat-wardrobe/?v=1&hat=some-hat&text=a+b',
    );
    expect(publishedLink(`${base}?lesson=abc&step=2#x`, base, 'https://school.example/wardrobe')).toBe(
      'https://school.example/wardrobe/?lesson=abc&step=2#x',
    );
  });

  it('gives nothing without a usable published address, outside the app, or for the same link', () => {
    expect(publishedLink(`${base}?v=1`, base, undefined)).toBeUndefined();
    expect(publishedLink(`${base}?v=1`, base, '')).toBeUndefined();
    expect(publishedLink(`${base}?v=1`, base, 'not a url')).toBeUndefined();
    expect(publishedLink(`${base}?v=1`, base, 'javascript:alert(1)')).toBeUndefined();
    expect(publishedLink('http://127.0.0.1:4173/other/', base, 'https://you.github.io/')).toBeUndefined();
    expect(publishedLink(`${base}?v=1`, base, base)).toBeUndefined();
  });
});
