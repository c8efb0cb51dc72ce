// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RunBadge } from './RunBadge';

afterEach(cleanup);

describe('RunBadge', () => {
  it('names the device with its threads, the dtype and the time', () => {
    render(<RunBadge stats={{ ms: 12.4, device: 'wasm', dtype: 'q8', threads: 2 }} running={false} />);
    expect(screen.getByTestId('run-badge').textContent).toMatch(/^WASM \(2 threads\) · q8 · 12/);
  });

  it('says one thread in the singular, and while it streams that it is still updating', () => {
    render(<RunBadge stats={{ ms: 40, device: 'wasm', dtype: 'fp32', threads: 1 }} running />);
    expect(screen.getByTestId('run-badge').textContent).toMatch(/^WASM \(1 thread\) · fp32 · .+ · updating…$/);
  });

  it('gives no thread count for a WebGPU run', () => {
    render(<RunBadge stats={{ ms: 9, device: 'webgpu', dtype: 'fp32' }} running={false} />);
    expect(screen.getByTestId('run-badge').textContent).toMatch(/^WebGPU · fp32 · /);
  });
});
