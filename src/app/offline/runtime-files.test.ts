// @vitest-environment node
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRuntimeFile, runtimeToKeep } from './runtime-files';

const SCOPE = 'https://school.example/hat-wardrobe/';
const CPU = `${SCOPE}assets/ort-wasm-simd-threaded-4byDm7i3.wasm`;
const CPU_MJS = `${SCOPE}assets/ort-wasm-simd-threaded-BQJNh0bu.mjs`;

describe('the service worker’s ONNX Runtime route', () => {
  it('takes every WebAssembly file onnxruntime-web ships, as Vite names it, under the site’s sub-path', () => {
    const shipped = readdirSync('node_modules/onnxruntime-web/dist').filter((f) => /^ort-wasm.*\.(wasm|mjs)$/.test(f));
    expect(shipped.length).toBeGreaterThanOrEqual(4);
    for (const file of shipped) expect(isRuntimeFile(`${SCOPE}assets/${file.replace(/\.(wasm|mjs)$/, '-Ab12_cD3.$1')}`, SCOPE), file).toBe(true);
  });

  it('leaves the shell, the models and other sites’ files alone', () => {
    for (const url of [
      `${SCOPE}assets/index-CB4uXYZm.js`,
      `${SCOPE}demo-models/hw-test/tiny-bert-mlm/resolve/main/onnx/model.onnx`,
      'https://school.example/elsewhere/assets/ort-wasm-simd-threaded-4byDm7i3.wasm',
      'https://cdn.example/hat-wardrobe/assets/ort-wasm-simd-threaded-4byDm7i3.wasm',
      `${SCOPE}assets/ort-wasm-simd-threaded-4byDm7i3.wasm.map`,
    ]) {
      expect(isRuntimeFile(url, SCOPE), url).toBe(false);
    }
  });

  it('keeps what a page asks for only when it is a build’s files on this site', () => {
    expect(runtimeToKeep({ type: 'KEEP_RUNTIME', urls: [CPU, CPU_MJS] }, SCOPE)).toEqual([CPU, CPU_MJS]);
    expect(runtimeToKeep({ type: 'KEEP_RUNTIME', urls: [CPU, `${SCOPE}assets/index-CB4uXYZm.js`] }, SCOPE)).toBeUndefined();
    expect(runtimeToKeep({ type: 'KEEP_RUNTIME', urls: [CPU, 'not a url'] }, SCOPE)).toBeUndefined();
    expect(runtimeToKeep({ type: 'KEEP_RUNTIME', urls: [] }, SCOPE)).toBeUndefined();
    expect(runtimeToKeep({ type: 'SKIP_WAITING' }, SCOPE)).toBeUndefined();
    expect(runtimeToKeep(null, SCOPE)).toBeUndefined();
  });
});
