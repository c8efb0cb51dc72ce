import { describe, expect, it } from 'vitest';
import { fitsRequest } from './shell-fit';

const res = (type: string, status = 200) => new Response('x', { status, headers: { 'Content-Type': type } });
const base = 'https://school.example/hat-wardrobe/';

describe('fitsRequest', () => {
  it('keeps the files as they should be', () => {
    expect(fitsRequest(`${base}assets/Output-Ab12.js`, res('text/javascript; charset=utf-8'))).toBe(true);
    expect(fitsRequest(`${base}assets/index-x.css`, res('text/css'))).toBe(true);
    expect(fitsRequest(`${base}index.html?__WB_REVISION__=1`, res('text/html'))).toBe(true);
    expect(fitsRequest(base, res('text/html'))).toBe(true);
    expect(fitsRequest(`${base}assets/ort.wasm`, res('application/octet-stream'))).toBe(true);
  });

  it('refuses a start page standing for a script, a style or a WebAssembly file, and any other status', () => {
    expect(fitsRequest(`${base}assets/Output-Ab12.js`, res('text/html; charset=utf-8'))).toBe(false);
    expect(fitsRequest(`${base}assets/index-x.css`, res('text/html'))).toBe(false);
    expect(fitsRequest(`${base}assets/ort.wasm`, res('text/html'))).toBe(false);
    expect(fitsRequest(`${base}assets/Output-Ab12.js`, res('text/plain'))).toBe(false);
    expect(fitsRequest(`${base}assets/Output-Ab12.js`, res('text/javascript', 404))).toBe(false);
  });
});
