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
    render(<ModelStatus model={{ phase: 'ready', info: { ...info, evicted: ['org/a (q8)'] } }} modelId="org/c" onRetry={() => undefined} onLoad={() => undefined} />);
    expect(screen.getByTestId('model-evicted').textContent).toMatch(/To make room in this device's memory, org\/a \(q8\) was let go/);
  });

  it('says nothing of the kind when nothing was let go', () => {
    render(<ModelStatus model={{ phase: 'ready', info }} modelId="org/c" onRetry={() => undefined} onLoad={() => undefined} />);
    expect(screen.queryByTestId('model-evicted')).toBeNull();
  });
});
