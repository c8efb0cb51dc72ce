// npm run bench:real (npm run bench -- --real): random-weight models of real size, app against bare
// transformers.js, each figure printed with its goal (issue 11). See the README's bench section.
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium';
import { median, r1 } from '../app-page';
import { startServers, countingProxy } from '../servers';
import { benchCheckpoint } from './checkpoint';
import { benchClm, CLM_BLOCKS, CLM_DTYPE, NEW_TOKENS, TOP_P } from './clm';
import { removeProfiles, type RealBench } from './context';
import { benchEncoder } from './encoder';
import { benchMim } from './mim';
import { firstVisit, firstVisitGoal } from './first-visit';
import { BENCH_MODELS_DIR, ensureRealModels } from './models';
import { profileCheckpointLoad } from './profile';
import { profileClm } from './clm-profile';
import { stolenMs } from './proc';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const HUB = `http://127.0.0.1:${port('BENCH_HUB_PORT', 7091)}`;
const APP_PORT = port('BENCH_APP_PORT', 4191);
const APP = `http://127.0.0.1:${APP_PORT}/hat-wardrobe/`;
const BARE = `http://127.0.0.1:${port('BENCH_BARE_PORT', 4193)}/`;
const RUNS = Number(process.env.BENCH_REAL_RUNS ?? 5);
const LOADS = Number(process.env.BENCH_REAL_LOADS ?? 3);
const GEN_RUNS = Number(process.env.BENCH_REAL_GEN_RUNS ?? 21);
const PAIRS = Number(process.env.BENCH_REAL_PAIRS ?? 25);

const log = (line: string) => console.error(line);

/** One output line: the figure (with `digits` decimals), then its goal and whether this run met it. */
function line(name: string, value: number, digits: number, goal?: { text: string; met: boolean }): string {
  return `${`${name}: ${value.toFixed(digits)}`.padEnd(48)}${goal ? `goal ${goal.text} (${goal.met ? 'met' : 'missed'})` : ''}`;
}
const atMost = (value: number, limit: number, text = `≤ ${limit}`) => ({ text, met: value <= limit });
const atLeast = (value: number, limit: number, text = `≥ ${limit}`) => ({ text, met: value >= limit });

/** Models built, servers up, a browser launched: what every part of the bench works with. */
async function setUp(minify = true): Promise<RealBench> {
  log(`bench: real-size models in ${BENCH_MODELS_DIR}`);
  await ensureRealModels(log);
  // The app's server sits behind a counting proxy, one port up.
  await startServers({ hub: HUB, hubRoot: BENCH_MODELS_DIR, app: APP, bare: BARE }, APP_PORT + 1, minify);
  const appServer = await countingProxy(APP_PORT, APP_PORT + 1);
  const browser = await chromium.launch({ executablePath: chromiumPath() || undefined, args: CHROMIUM_ARGS });
  return { browser, hub: HUB, app: APP, bare: BARE, appServer, runs: RUNS, log };
}

async function tearDown(b: RealBench): Promise<void> {
  await b.browser.close();
  await b.appServer.close();
  removeProfiles();
}

/** `--profile`: one traced checkpoint load instead of the figures; `--profile --only=clm`: where generation spends its CPU. */
export async function realProfile(): Promise<void> {
  const clm = process.argv.includes('--only=clm');
  const b = await setUp(false);
  try {
    if (clm) await profileClm({ ...b, runs: GEN_RUNS }, 'bench-results/clm-generate.trace.json');
    else await profileCheckpointLoad(b, 'bench-results/checkpoint-load.trace.json');
  } finally {
    await tearDown(b);
  }
}

/** The parts of the bench, in the order they run; each returns its output lines. `--only=a,b` picks some. */
const PARTS: Record<string, (b: RealBench) => Promise<string[]>> = {
  async 'first-visit'(b) {
    const visit = await firstVisit(b);
    log(`bench: first visit: ${visit.requests} requests; downloaded more than once: ${JSON.stringify(visit.repeated)}; revalidated (304): ${JSON.stringify(visit.revalidated)}`);
    log(`bench: first visit fetched:\n${visit.paths.map((p) => `  ${p}`).join('\n')}`);
    const goal = firstVisitGoal('bench-results/app', visit.wasm);
    const build = visit.wasm === 'cpu' ? 'CPU-only' : 'WebGPU-capable';
    const once = Object.keys(visit.repeated).length === 0;
    const parts = `shell ${goal.parts.shell} + demo wardrobe ${goal.parts.demo} + the ${build} ONNX Runtime ${goal.parts.runtime}`;
    return [
      line('first_visit_app_bytes', visit.bytes, 0, { text: `≤ ${goal.bytes} (${parts}; each file once${once ? '' : ': not so'})`, met: once && visit.bytes <= goal.bytes }),
    ];
  },
  async encoder(b) {
    const encoder = await benchEncoder(b, PAIRS);
    const cores = cpus().length;
    const threads = Math.max(2, cores - 1);
    return [
      ...encoder.byLength.map((l) => line(`real_encoder_app_vs_bare_p50_ratio:${l.tokens}`, l.ratio, 2, atMost(l.ratio, 1.05, `≤ 1.05, pair by pair (medians app ${Math.round(l.app)} ms, bare ${Math.round(l.bare)} ms)`))),
      line('ort_threads', encoder.threads, 0, atLeast(encoder.threads, threads, `≥ ${threads} (${cores} cores, cross-origin isolated)`)),
    ];
  },
  async checkpoint(b) {
    const c = await benchCheckpoint(b, LOADS, PAIRS);
    const { ratio } = c;
    return [
      line('real_checkpoint_ready_ms', median(c.readyMs), 0, atMost(median(c.readyMs), 8000)),
      line('real_checkpoint_reload_ms', median(c.reloadMs), 0, atMost(median(c.reloadMs), 3000)),
      line('real_checkpoint_peak_mb', median(c.peakMb), 0, atMost(median(c.peakMb), 900)),
      line('real_checkpoint_q8_vs_fp32_run_ratio', ratio, 2, atMost(ratio, 0.5, `≤ 0.50 (q8 ≥ 2× faster), pair by pair (medians q8 ${Math.round(c.q8Ms)} ms, fp32 ${Math.round(c.fp32Ms)} ms)`)),
    ];
  },
  async mim(b) {
    const m = await benchMim(b, LOADS);
    return [
      line('real_mim_ready_ms', median(m.readyMs), 0, atMost(median(m.readyMs), 8000)),
      line('real_mim_reload_ms', median(m.reloadMs), 0, atMost(median(m.reloadMs), 3000)),
      line('real_mim_peak_mb', median(m.peakMb), 0, atMost(median(m.peakMb), 900)),
      line('real_mim_run_ms', m.runMs, 0),
    ];
  },
  async clm(b) {
    const clm = await benchClm({ ...b, runs: GEN_RUNS });
    const { ratio } = clm;
    return [
      // Judged turn by turn (a turn's two runs back to back), as the ratio below: medians of each side's
      // runs can come from different turns on a machine whose speed moves within a bench.
      line('real_clm_tokens_per_s:greedy', clm.greedy, 1, atLeast(clm.ratio, 0.95, `≥ 0.95 × the bare loop's turn by turn (median ${clm.ratio.toFixed(2)}; the bare loop's median ${r1(clm.bare)})`)),
      line('real_clm_tokens_per_s:top_p', clm.topP, 1, atLeast(clm.topPRatio, 0.8, `≥ 0.8 × greedy turn by turn (median ${clm.topPRatio.toFixed(2)})`)),
      line('real_clm_app_vs_bare_tokens_ratio', ratio, 2, atLeast(ratio, 0.95, '≥ 0.95 (the bare loop in a worker, as the app runs its model)')),
      // No goal: what the same bare loop gains on its page's main thread, where no app may run its model.
      line('real_clm_bare_worker_vs_main_tokens_ratio', clm.placementRatio, 2),
    ];
  },
};

export async function realBench(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const unknown = only?.filter((p) => !(p in PARTS)) ?? [];
  if (unknown.length) throw new Error(`bench: no part ${unknown.join(', ')}; the parts are ${Object.keys(PARTS).join(', ')}`);
  const started = Date.now();
  const b = await setUp();
  const lines: string[] = [];
  // Steal since the last line: a hypervisor taking the CPUs away would move every figure with it.
  let stolen = stolenMs();
  const load = () => {
    const [before, now] = [stolen, (stolen = stolenMs())];
    return `load average ${loadavg().map((x) => x.toFixed(2)).join(', ')} (${cpus().length} cores), ${now - before} ms stolen by the hypervisor since the last line`;
  };
  try {
    for (const [name, part] of Object.entries(PARTS)) {
      if (only && !only.includes(name)) continue;
      log(`bench: ${name}, ${load()}`);
      lines.push(...(await part(b)));
    }
    log(`bench: done, ${load()}`);
  } finally {
    await tearDown(b);
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`# real-size bench, ${new Date().toISOString()}, ${minutes} min; random weights; WASM; ${PAIRS} pairs of warm runs (encoder app/bare per length, checkpoint q8/fp32 at 128 tokens), medians of ${RUNS} (ViT-MAE),`);
  console.log(`# ${LOADS} checkpoint loads (ready = last model.safetensors byte → hat ready; reload = new page, cache kept; peak = VmHWM of the page's renderer process),`);
  console.log(`# ${GEN_RUNS} generations of ${NEW_TOKENS} tokens each in ${CLM_BLOCKS} blocks of fresh pages, ${CLM_DTYPE} (top_p: temperature ${TOP_P.temperature}, top_k ${TOP_P.top_k}, top_p ${TOP_P.top_p}; bare = a greedy loop over transformers.js; every bare baseline runs in a worker, as the app's models do, unless BENCH_BARE_PLACEMENT=main)`);
  console.log(lines.join('\n'));
}
