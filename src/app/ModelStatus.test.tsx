// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedInfo } from '@/engine/protocol';
import { ModelStatus } from './ModelStatus';

const info: LoadedInfo = {
  key: 'k',
  model: 'org/c',
  device: 'wasm',
  dtype: 'q8',
  fromCache: false,
  loadMs: 1200,
  facts: {} as LoadedInfo['facts'],
  threads: 2,
  crossOriginIsolated: true,
};

afterEach(cleanup);

describe('ModelStatus', () => {
  it('says which models were let go to make room in memory', () => {
    render(<ModelStatus model={{ phase: 'ready', info: { ...info, evicted: ['org/a (q8)'] } }} modelId="org/c" onRetry={() => undefined} onLoad={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByTestId('model-evicted').textContent).toMatch(/To make room in this device's memory, org\/a \(q8\) was let go/);
  });

  it('says nothing of the kind when nothing was let go', () => {
    render(<ModelStatus model={{ phase: 'ready', info }} modelId="org/c" onRetry={() => undefined} onLoad={() => undefined} onCancel={() => undefined} />);
    expect(screen.queryByTestId('model-evicted')).toBeNull();
  });

  it('shows what a load is doing besides downloading, with its progress', () => {
    const progress = { loaded: 440, total: 440, stage: { label: 'Reading and quantizing tensors', done: 57, total: 199 } };
    render(<ModelStatus model={{ phase: 'loading', progress }} modelId="org/c" onRetry={() => undefined} onLoad={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByTestId('load-stage').textContent).toBe('Reading and quantizing tensors… 57 of 199 done');
    expect(screen.getByRole('progressbar', { name: 'Reading and quantizing tensors' }).getAttribute('value')).toBe('57');
  });
});
