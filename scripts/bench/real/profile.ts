// `npm run bench:real -- --profile`: where a checkpoint load spends its CPU, from V8's sampling profiler
// in a Chromium trace (the only way to profile a dedicated worker from Playwright).
import { writeFile } from 'node:fs/promises';
import { shareQuery, waitReady } from '../app-page';
import { freshContext, type RealBench } from './context';
import { CHECKPOINT_ID, words } from './models';

export interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  id?: string;
  dur?: number;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber: number; columnNumber: number } }[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export interface FunctionTime {
  where: string;
  /** Samples in the function itself. */
  self: number;
  /** Samples in it or anything it called (each sample counted once per function). */
  total: number;
}

/** Sampled milliseconds per function on the threads whose name matches `thread`, most self time first. */
export function functionTimes(events: TraceEvent[], thread: RegExp): FunctionTime[] {
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
  // A "Profile" event sits on the sampled thread; its chunks come from the profiler's own thread, under the same id.
  const wanted = new Set(events.filter((e) => e.name === 'Profile' && thread.test(names.get(`${e.pid}:${e.tid}`) ?? '')).map((e) => `${e.pid}:${e.id}`));
  const frames = new Map<string, { where: string; parent?: string }>();
  const times = new Map<string, FunctionTime>();
  const at = (where: string) => times.get(where) ?? times.set(where, { where, self: 0, total: 0 }).get(where)!;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !wanted.has(`${e.pid}:${e.id}`)) continue;
    const key = (node: number) => `${e.pid}:${e.id}:${node}`;
    const profile = e.args?.data?.cpuProfile;
    for (const n of profile?.nodes ?? []) {
      const f = n.callFrame;
      const file = (f.url ?? '').split('/').pop() ?? '';
      const where = file ? `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : f.functionName;
      frames.set(key(n.id), { where, parent: n.parent === undefined ? undefined : key(n.parent) });
    }
    const deltas = e.args?.data?.timeDeltas ?? [];
    (profile?.samples ?? []).forEach((node, i) => {
      const ms = (deltas[i] ?? 0) / 1000;
      const seen = new Set<string>();
      for (let k: string | undefined = key(node), first = true; k; k = frames.get(k)?.parent, first = false) {
        const where = frames.get(k)?.where ?? '?';
        if (first) at(where).self += ms;
        if (!seen.has(where)) at(where).total += ms;
        seen.add(where);
      }
    });
  }
  return [...times.values()].sort((a, b) => b.self - a.self);
}

/** One cold load of the next-sentence hat on the 440 MB checkpoint, traced; prints the worker's hottest functions. */
export async function profileCheckpointLoad(b: RealBench, out: string): Promise<void> {
  const context = await freshContext(b);
  const page = await context.newPage();
  await b.browser.startTracing(page, { categories: ['-*', 'disabled-by-default-v8.cpu_profiler', 'v8'] });
  const params = { model: CHECKPOINT_ID, dtype: 'q8', device: 'wasm', sentence_a: words(62, 0), sentence_b: words(63, 0) };
  const opened = Date.now();
  await page.goto(`${b.app}?${shareQuery('next-sentence-prediction', params)}`);
  await waitReady(page);
  const ms = Date.now() - opened;
  const trace = await b.browser.stopTracing();
  await context.close();
  await writeFile(out, trace);
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const worker = functionTimes(events, /DedicatedWorker/);
  const sampled = worker.reduce((n, f) => n + f.self, 0);
  const show = (f: FunctionTime) => `${f.self.toFixed(0).padStart(7)} ${f.total.toFixed(0).padStart(7)} ms  ${f.where}`;
  console.log(`# checkpoint cold load traced: ${ms} ms to ready; the worker thread's samples cover ${Math.round(sampled)} ms; trace in ${out} (chrome://tracing or Perfetto)`);
  console.log('#    self   total');
  for (const f of worker.slice(0, 25)) console.log(show(f));
  console.log('# JavaScript by total time (with what it calls; js-to-wasm is all of ONNX Runtime):');
  const byTotal = worker.filter((f) => !f.where.startsWith('(') && !f.where.startsWith('wasm-function')).sort((a, b) => b.total - a.total);
  for (const f of byTotal.slice(0, 30)) console.log(show(f));
}
