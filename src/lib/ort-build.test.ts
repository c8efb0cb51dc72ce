import { describe, expect, it } from 'vitest';
import { ortBuild, ortFiles, probeWebgpu } from './ort-build';

const device = { destroy: () => undefined };

describe('which ONNX Runtime build a device runs', () => {
  it('takes the WebGPU-capable build only where an adapter gives a device, else the CPU-only one', async () => {
    const works = { requestAdapter: async () => ({ requestDevice: async () => device }) };
    const noAdapter = { requestAdapter: async () => null };
    const refuses = { requestAdapter: async () => ({ requestDevice: () => Promise.reject(new Error('lost')) }) };
    expect(ortBuild(await probeWebgpu(works))).toBe('webgpu');
    expect(ortBuild(await probeWebgpu(noAdapter))).toBe('cpu');
    expect(ortBuild(await probeWebgpu(undefined))).toBe('cpu');
    const refused = await probeWebgpu(refuses);
    expect(refused).toEqual({ ok: false, present: true, reason: 'WebGPU is present but would not start (lost).' });
    expect(ortBuild(refused)).toBe('cpu');
  });

  it('names each build by its own two files, absolute on this site', () => {
    const base = 'https://school.example/hat-wardrobe/';
    const cpu = ortFiles('cpu', base);
    const gpu = ortFiles('webgpu', base);
    expect(cpu.wasm).toMatch(/^https:\/\/school\.example\/.*ort-wasm-simd-threaded\.wasm$/);
    expect(cpu.mjs).toMatch(/ort-wasm-simd-threaded\.mjs$/);
    expect(gpu.wasm).toMatch(/ort-wasm-simd-threaded\.asyncify\.wasm$/);
    expect(gpu.mjs).toMatch(/ort-wasm-simd-threaded\.asyncify\.mjs$/);
  });
});
