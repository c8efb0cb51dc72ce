// The bench's servers, each in a process group of its own, so that stopping one stops the real server
// behind its npx/tsx wrapper (a plain child.kill() only ends the wrapper). Nothing is left running when
// the bench ends, fails, or is interrupted.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

const groups = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // the group is gone already
  }
}

/** Starts a long-running command as the leader of a new process group. */
export function startGroup(cmd: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  groups.add(child);
  return child;
}

/** Runs a command to completion; throws when it fails. */
export function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

/** SIGTERM to every group, then SIGKILL to any group still there after `graceMs`. */
export async function stopGroups(graceMs = 3000): Promise<void> {
  const live = [...groups].filter((child) => signalGroup(child, 'SIGTERM'));
  groups.clear();
  const deadline = Date.now() + graceMs;
  while (live.some((child) => signalGroup(child, 0)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const child of live) signalGroup(child, 'SIGKILL');
}

/**
 * An exit the bench did not plan (an uncaught error, Ctrl-C, a kill) still ends every group; Playwright
 * closes the browser it launched on its own.
 */
export function stopGroupsOnExit(): void {
  process.on('exit', () => {
    for (const child of groups) signalGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`bench: ${signal}, stopping the servers`);
      process.exit(130);
    });
  }
}

/** Resolves once `url` answers (any status below 500). */
export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}
