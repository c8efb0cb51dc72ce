// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * The worker and transformers.js must share one ONNX Runtime module instance (see checkpoint/deps.ts
 * [1]): the app's own onnxruntime-web has to be exactly the build transformers.js asks for, and the
 * transformers.js version has to be pinned, or an update could bring a second runtime in quietly.
 */

type Manifest = { version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Manifest;
const app = read('package.json');
const TRANSFORMERS = 'node_modules/@huggingface/transformers';
const transformers = read(`${TRANSFORMERS}/package.json`);

describe('runtime versions', () => {
  it('pins transformers.js exactly, at the version installed', () => {
    expect(app.dependencies?.['@huggingface/transformers']).toBe(transformers.version);
  });

  it('lists exactly the onnxruntime-web and onnxruntime-node builds transformers.js depends on', () => {
    expect(app.dependencies?.['onnxruntime-web']).toBe(transformers.dependencies?.['onnxruntime-web']);
    expect(app.devDependencies?.['onnxruntime-node']).toBe(transformers.dependencies?.['onnxruntime-node']);
  });

  it('has those very builds installed, once: transformers.js finds the app’s copy', () => {
    for (const name of ['onnxruntime-web', 'onnxruntime-node']) {
      expect(read(`node_modules/${name}/package.json`).version).toBe(transformers.dependencies?.[name]);
      expect(existsSync(new URL(`${TRANSFORMERS}/node_modules/${name}`, root))).toBe(false);
    }
  });
});
