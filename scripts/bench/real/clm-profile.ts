// `npm run bench:real -- --profile --only=clm`: where a greedy generation spends its CPU, the app's
// against the bare loop's: each thread's CPU per token from /proc, then one traced app run's hottest
// functions on the page's main thread and in the worker, and one traced bare run's.
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { shownThreads } from '../app-page';
import { appGenerationMs, bareGenerationMs, CLM_DTYPE, NEW_TOKENS, prompt, TOP_P } from './clm';
import { freshContext, openApp, openBare, wasmBuild, type RealBench } from './context';
import { CLM_ID } from './models';
import { functionTimes, type FunctionTime, type TraceEvent } from './profile';
import { cpuBetween, threadCpu, type ThreadCpu } from './thread-cpu';

/** Runs `work`, returning its tokens per second and each thread's CPU milliseconds per token. */
async function measured(work: () => Promise<number>): Promise<{ rate: number; perToken: ThreadCpu }> {
  const before = threadCpu(process.pid);
  const ms = await work();
  const spent = cpuBetween(before, threadCpu(process.pid));
  return { rate: (NEW_TOKENS * 1000) / ms, perToken: new Map([...spent].map(([k, v]) => [k, v / NEW_TOKENS])) };
}

function show(label: string, m: { rate: number; perToken: ThreadCpu }, log: (line: string) => void) {
  const total = [...m.perToken.values()].reduce((a, b) => a + b, 0);
  const threads = [...m.perToken].filter(([, v]) => v >= 0.2).sort((a, b) => b[1] - a[1]);
  log(`${label}: ${m.rate.toFixed(1)} tokens/s, CPU ${total.toFixed(1)} ms/token: ${threads.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
}

/** Milliseconds of the page main thread's trace events by name (Layout, Paint, FunctionCall…), the largest first. */
function mainThreadEvents(events: TraceEvent[]): string {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byName = new Map<string, { ms: number; n: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    const at = byName.get(e.name) ?? byName.set(e.name, { ms: 0, n: 0 }).get(e.name)!;
    at.ms += (e.dur ?? 0) / 1000;
    at.n++;
  }
  return [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20).map(([name, { ms, n }]) => `${name} ${ms.toFixed(0)} ms (${n})`).join(', ');
}

/** One traced piece of work on `page` (CPU samples and the timeline), written to `out`; its events. */
async function traced(b: RealBench, page: Page, out: string, work: () => Promise<unknown>): Promise<TraceEvent[]> {
  await b.browser.startTracing(page, { categories: ['-*', 'disabled-by-default-v8.cpu_profiler', 'v8', 'devtools.timeline', 'toplevel'] });
  await work();
  const trace = await b.browser.stopTracing();
  await writeFile(out, trace);
  return (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

const line = (f: FunctionTime) => `${f.self.toFixed(0).padStart(7)} ${f.total.toFixed(0).padStart(7)} ms  ${f.where}`;

/** Logs the twelve functions with the most self time; returns them all. */
function hottest(label: string, times: FunctionTime[], log: (line: string) => void): FunctionTime[] {
  log(`${label}: samples cover ${times.reduce((n, f) => n + f.self, 0).toFixed(0)} ms; self, total:`);
  for (const f of times.slice(0, 12)) log(line(f));
  return times;
}

export async function profileClm(b: RealBench, out: string): Promise<void> {
  const base = { model: CLM_ID, dtype: CLM_DTYPE, text: prompt(0), max_new_tokens: String(NEW_TOKENS) };
  const context = await freshContext(b);
  b.appServer.reset();
  const app = await openApp(b, context, 'causal-lm', base);
  const threads = await shownThreads(app);
  const bare = await openBare(b, { model: CLM_ID, bareClass: 'AutoModelForCausalLM', dtype: CLM_DTYPE, threads, wasm: wasmBuild(b.appServer.requests()) ?? 'cpu' });
  const log = (line: string) => console.log(`# ${line}`);
  const sampled = await openApp(b, await freshContext(b), 'causal-lm', { ...base, ...TOP_P });
  for (let i = 1; i <= b.runs; i++) {
    show(`app  ${i}`, await measured(() => appGenerationMs(app, i)), log);
    show(`top-p ${i}`, await measured(() => appGenerationMs(sampled, i)), log);
    // The first step's chart says how many tokens the nucleus kept: what top-p's ranking had to order.
    log(`top-p ${i}, first step: ${await sampled.getByTestId('step-chart').locator('figcaption').textContent()}`);
    show(`bare ${i}`, await measured(() => bareGenerationMs(bare, i)), log);
  }
  // What the page changes while it streams: each mutation costs style, layout and paint on the main thread.
  // (A string: the bench's TypeScript compiler names functions with a helper the page does not have.)
  await app.evaluate(`{
    const counts = {};
    const name = (n) => n instanceof Element ? n.tagName.toLowerCase() + (n.getAttribute('data-testid') ? '[' + n.getAttribute('data-testid') + ']' : '') : n.nodeName;
    new MutationObserver((records) => {
      for (const r of records) {
        const key = r.type + ' ' + name(r.target) + (r.attributeName ? ' @' + r.attributeName : '');
        counts[key] = (counts[key] ?? 0) + 1;
      }
    }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
    window.__mutations = counts;
  }`);
  const events = await traced(b, app, out, () => appGenerationMs(app, 0));
  const mutations = (await app.evaluate('window.__mutations')) as Record<string, number>;
  log(`DOM mutations in the traced run: ${Object.entries(mutations).sort((x, y) => y[1] - x[1]).slice(0, 15).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  for (const [name, thread] of [
    ['page main thread', /CrRendererMain/],
    ['worker', /DedicatedWorker/],
  ] as const) {
    const times = hottest(`traced app run, ${name}`, functionTimes(events, thread), log);
    log(`${name}, JavaScript by total:`);
    for (const f of times.filter((f) => !f.where.startsWith('(') && !f.where.startsWith('wasm-function')).sort((x, y) => y.total - x.total).slice(0, 15)) log(line(f));
  }
  log(`traced app run, page main thread by trace event (nested events count in each): ${mainThreadEvents(events)}`);
  log(`trace in ${out}`);
  // The bare loop the same way: ONNX Runtime on its page's main thread and one pool thread.
  const bareEvents = await traced(b, bare, out.replace(/\.trace\.json$/, '-bare.trace.json'), () => bareGenerationMs(bare, 0));
  hottest('traced bare run, page main thread and pool thread', functionTimes(bareEvents, /CrRendererMain|DedicatedWorker/), log);
  for (const c of [context, sampled.context(), bare.context()]) await c.close();
}
