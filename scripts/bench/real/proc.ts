// Linux's /proc, for the bench's readings of Chromium's processes (memory, CPU per thread).
import { readdirSync, readFileSync } from 'node:fs';

/** Milliseconds in one of the clock ticks /proc counts CPU time in (USER_HZ is 100 on Linux). */
export const TICK_MS = 10;

/** A /proc file's text, or '' once its process (or thread) has ended between listing and reading. */
export function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The fields of a /proc stat line after "pid (comm)": comm may hold spaces, so read after the last ")". */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** `root` and every process started from it, through any depth of children. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(readProc(`/proc/${entry}/stat`))[1]);
    if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const all: number[] = [];
  for (let queue = [root]; queue.length > 0; ) {
    const pid = queue.shift()!;
    all.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return all;
}

/**
 * Milliseconds the hypervisor ran something else while this guest's CPUs wanted to run (the steal
 * column of /proc/stat, summed over CPUs); 0 where there is no such column (not Linux, no hypervisor).
 */
export function stolenMs(): number {
  const fields = readProc('/proc/stat').split('\n')[0]?.trim().split(/\s+/) ?? [];
  return Number(fields[8] ?? 0) * TICK_MS;
}
