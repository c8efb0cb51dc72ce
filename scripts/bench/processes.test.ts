import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startGroup, stopGroups } from './processes';

/** Processes whose command line holds `marker`. */
function running(marker: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.runIf(process.platform === 'linux')('the bench servers', () => {
  it('stop with everything they started, not only the wrapper that started them', async () => {
    // A wrapper shell with a grandchild, like npx in front of the real server.
    const marker = `${Date.now() % 100000}.5`;
    startGroup('sh', ['-c', `sleep ${marker} & sleep ${marker}; wait`]);
    for (let i = 0; i < 50 && running(`sleep\0${marker}`).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(running(`sleep\0${marker}`)).toHaveLength(2);
    await stopGroups();
    expect(running(`sleep\0${marker}`)).toEqual([]);
  });
});
