// CPU time per thread of the browser's processes, read from Linux's /proc: on a 2-core machine every
// millisecond a page's main thread, compositor or GPU process spends is taken from ONNX Runtime's two
// threads, and wall time alone (on a machine other work shares) cannot say whose it was.
import { readdirSync } from 'node:fs';
import { processTree, readProc, statFields, TICK_MS } from './proc';

/** CPU milliseconds by "process kind/thread name", e.g. "renderer/CrRendererMain". */
export type ThreadCpu = Map<string, number>;

/** "renderer 1234", "gpu-process", "utility"…, or the program's name for what is not Chromium. */
function kindOf(pid: number): string {
  // Chromium rewrites its children's argv into one string, so look for the flag anywhere.
  const cmdline = readProc(`/proc/${pid}/cmdline`);
  const type = / --type=([a-z-]+)/.exec(cmdline.replaceAll('\0', ' '))?.[1];
  if (type) return type === 'renderer' ? `renderer ${pid}` : type;
  return cmdline.split('\0')[0]?.split(/[ /]/).filter(Boolean).pop() ?? '?';
}

/** utime + stime of every thread under `root`, by process kind and thread name. */
export function threadCpu(root: number): ThreadCpu {
  const out: ThreadCpu = new Map();
  for (const pid of processTree(root)) {
    const kind = kindOf(pid);
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = readProc(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = statFields(stat);
      const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      const key = `${kind}/${name}`;
      out.set(key, (out.get(key) ?? 0) + ms);
    }
  }
  return out;
}

/** What each thread spent between two readings (threads that began in between count from zero). */
export function cpuBetween(before: ThreadCpu, after: ThreadCpu): ThreadCpu {
  const out: ThreadCpu = new Map();
  for (const [key, ms] of after) {
    const spent = ms - (before.get(key) ?? 0);
    if (spent > 0) out.set(key, spent);
  }
  return out;
}
