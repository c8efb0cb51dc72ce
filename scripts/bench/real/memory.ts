// Memory of the page and its worker, read from Linux's /proc for Chromium's renderer processes.
import { processTree, readProc } from './proc';

/** Renderer processes started (through any depth of children) by this bench: its own browser's only. */
export function rendererPids(): number[] {
  return processTree(process.pid).filter((pid) => pid !== process.pid && readProc(`/proc/${pid}/cmdline`).includes('--type=renderer'));
}

/** A field of /proc/<pid>/status in MB (VmRSS: resident now; VmHWM: the most it was ever resident). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readProc(`/proc/${pid}/status`));
  return m ? Number(m[1]) / 1024 : 0;
}

export interface MemoryWatch {
  /**
   * Stops sampling. `peakMb`: the largest VmHWM of one renderer (the page's: a dedicated worker lives
   * in its page's process), the kernel's own high-water mark, so no spike between samples is missed.
   * `sampledSumMb`: the largest sum of VmRSS over all this browser's renderers, sampled every 200 ms.
   */
  stop(): { peakMb: number; sampledSumMb: number };
}

/** Samples the renderers' memory until stopped. Open only the page to measure in a fresh context. */
export function watchRenderers(): MemoryWatch {
  let sampledSumMb = 0;
  let peakMb = 0;
  let pids: number[] = [];
  let samples = 0;
  const sample = () => {
    // Walking /proc costs more than reading a few status files: find new renderers once a second.
    if (samples++ % 5 === 0) pids = rendererPids();
    let sum = 0;
    for (const pid of pids) {
      sum += statusMb(pid, 'VmRSS');
      peakMb = Math.max(peakMb, statusMb(pid, 'VmHWM'));
    }
    sampledSumMb = Math.max(sampledSumMb, sum);
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      samples = 0;
      sample();
      return { peakMb, sampledSumMb };
    },
  };
}
