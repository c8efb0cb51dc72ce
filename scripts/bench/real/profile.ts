// `npm run bench:real -- --profile`: where a checkpoint load spends its CPU, from V8's sampling profiler
// in a Chromium trace (the only way to profile a dedicated worker from Playwright).
import { writeFile } from 'node:fs/promises';
import { shareQuery, waitReady } from '../app-page';
import { freshContext, type RealBench } from './context';
import { CHECKPOINT_ID, words } from './models';

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

/** Self time (ms) per function on each thread whose name matches `thread`, most first. */
export function selfTimes(events: TraceEvent[], thread: RegExp): { where: string; ms: number }[] {
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
  const frames = new Map<string, string>();
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !thread.test(names.get(`${e.pid}:${e.tid}`) ?? '')) continue;
    const profile = e.args?.data?.cpuProfile;
    for (const n of profile?.nodes ?? []) {
      const f = n.callFrame;
      const file = f.url.split('/').pop() ?? '';
      frames.set(`${e.id}:${n.id}`, file ? `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}` : f.functionName);
    }
    const deltas = e.args?.data?.timeDeltas ?? [];
    (profile?.samples ?? []).forEach((node, i) => {
      const where = frames.get(`${e.id}:${node}`) ?? '?';
      totals.set(where, (totals.get(where) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
  }
  return [...totals].map(([where, ms]) => ({ where, ms })).sort((a, b) => b.ms - a.ms);
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
  const worker = selfTimes(events, /DedicatedWorker/);
  const total = worker.reduce((n, f) => n + f.ms, 0);
  console.log(`# checkpoint cold load traced: ${ms} ms to ready; the worker thread's samples cover ${Math.round(total)} ms; trace in ${out} (open it in chrome://tracing or Perfetto)`);
  for (const f of worker.slice(0, 30)) console.log(`${f.ms.toFixed(0).padStart(8)} ms ${((100 * f.ms) / total).toFixed(1).padStart(5)}%  ${f.where}`);
}
