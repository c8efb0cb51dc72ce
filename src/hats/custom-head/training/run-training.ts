import { analyse, parseTarget } from '../data/dataset';
import { encodeHeadLink } from '../head-codec';
import type { EncoderInfo, Example, TrainPayload, TrainReport, TrainSettings } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { HeldOutWatch } from './early-stop';
import { EpochSnapshots } from './snapshots';
import { Trainer } from './train';

/*
 * The training call as the worker runs it, with the encoder left out (it is passed in as `embed`),
 * so the whole loop, stop and NaN handling included, runs in unit tests too.
 * [1] Embeddings are the slow part (a forward pass of the encoder per example); the head's epochs are
 *     cheap. Texts already embedded by an earlier run are taken from the cache.
 * [2] The worker must stay responsive: every ~30 ms of work it yields to its event loop, so a Stop or a
 *     cancel message is seen between epochs. Every epoch emits a snapshot; the worker passes the page
 *     only a few per second (src/worker/partials.ts).
 * [3] Early stopping: the weights of the epoch with the lowest held-out loss are kept, and training
 *     ends once that loss has not improved for a while (training/early-stop.ts). The head returned is
 *     the kept one, whether the run ended by itself, by its epoch count or by Stop.
 * [4] The head of every epoch is kept too (training/snapshots.ts), outside the timing of the epochs,
 *     and sent once with the final answer, not with every partial: the page's epoch scrubber wears them.
 */

export const MAX_EPOCHS = 2000;
export const MAX_HIDDEN_UNITS = 256;
const BATCH = 16;
const YIELD_MS = 30;

export class TrainInputError extends Error {
  override name = 'TrainInputError';
}

/** A training call's payload as it crossed postMessage; runTraining cleans its examples and settings. */
export function readTrainPayload(raw: unknown): TrainPayload {
  if (typeof raw !== 'object' || raw === null || (raw as { kind?: unknown }).kind !== 'train') {
    throw new Error('A call to the custom head must be a training request ({ kind: "train", … }).');
  }
  return raw as TrainPayload;
}

const clamp = (v: unknown, min: number, max: number, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback);

/** The settings a payload asks for, each kept within what this hat can train. */
export function cleanSettings(raw: Partial<TrainSettings> | undefined): TrainSettings {
  const s = raw ?? {};
  const d = DEFAULT_SETTINGS;
  const task = s.task === 'regression' ? 'regression' : 'classification';
  return {
    task,
    architecture: task === 'classification' && s.architecture === 'mlp' ? 'mlp' : 'linear',
    learningRate: clamp(s.learningRate, 1e-6, 10, d.learningRate),
    epochs: Math.round(clamp(s.epochs, 1, MAX_EPOCHS, d.epochs)),
    hiddenSize: Math.round(clamp(s.hiddenSize, 1, MAX_HIDDEN_UNITS, d.hiddenSize)),
    heldOut: clamp(s.heldOut, 0, 0.5, d.heldOut),
    seed: Math.round(clamp(s.seed, 0, 2 ** 31, d.seed)),
  };
}

export interface TrainingDeps {
  encoder: EncoderInfo;
  /** Sentence vectors of a batch of texts. */
  embed(texts: string[]): Promise<Float32Array[]>;
  cache: Map<string, Float32Array>;
  emit(report: TrainReport): void;
  /** True once the page stopped (keep what there is) or cancelled (drop it) the call. */
  aborted(): boolean;
  stopped(): boolean;
  now(): number;
  /** Gives the event loop a turn. */
  pause(): Promise<void>;
}

export async function runTraining(payload: TrainPayload, deps: TrainingDeps): Promise<TrainReport> {
  const settings = cleanSettings(payload.settings);
  const examples: Example[] = Array.isArray(payload.examples)
    ? payload.examples.filter((e): e is Example => typeof e?.text === 'string' && typeof e?.label === 'string')
    : [];
  const data = analyse(examples, settings.task);
  if (data.problems.length) throw new TrainInputError(data.problems[0]);
  const texts = data.usable.map((e) => e.text);
  const todo = [...new Set(texts)].filter((t) => !deps.cache.has(t));
  const report: TrainReport = {
    kind: 'train',
    phase: 'embedding',
    embedded: texts.length - todo.length,
    total: texts.length,
    reused: texts.length - todo.length,
    epochs: settings.epochs,
    history: [],
  };
  let lastPause = deps.now();
  const emit = () => deps.emit({ ...report, history: [...report.history] }); // [2]
  const breathe = async () => {
    if (deps.now() - lastPause >= YIELD_MS) {
      await deps.pause();
      lastPause = deps.now();
    }
  };
  emit();

  const embedStart = deps.now();
  for (let i = 0; i < todo.length; i += BATCH) {
    if (deps.aborted()) return { ...report, phase: 'stopped' };
    const batch = todo.slice(i, i + BATCH);
    const vectors = await deps.embed(batch); // [1]
    batch.forEach((t, k) => deps.cache.set(t, vectors[k] as Float32Array));
    report.embedded += batch.length;
    emit();
    await deps.pause();
    lastPause = deps.now();
  }
  if (todo.length) report.embedMsPerExample = (deps.now() - embedStart) / todo.length;

  const labels = settings.task === 'classification' ? [...new Set(data.usable.map((e) => e.label))].sort() : [payload.targetName?.trim() || 'value'];
  const targets = data.usable.map((e) => (settings.task === 'classification' ? labels.indexOf(e.label) : (parseTarget(e.label) as number)));
  const inputs = texts.map((t) => deps.cache.get(t) as Float32Array);
  const trainer = new Trainer({ inputs, targets, labels, texts }, settings, deps.encoder);
  report.phase = 'training';
  emit();
  let trainMs = 0;
  const watch = new HeldOutWatch();
  const snapshots = new EpochSnapshots(settings.epochs); // [4]
  while (!trainer.done) {
    if (deps.aborted()) break;
    const t0 = deps.now();
    const point = trainer.trainEpoch();
    report.history.push(point);
    const best = !trainer.failure && watch.observe(point);
    if (best) {
      trainer.keep(); // [3]
      report.bestEpoch = point.epoch;
    }
    trainMs += deps.now() - t0;
    if (!trainer.failure) snapshots.take(point.epoch, () => trainer.head(), best);
    if (watch.overfitting && watch.best) report.overfit = { from: watch.best.epoch, patience: watch.patience };
    emit();
    if (report.overfit) break;
    await breathe();
  }
  report.trainMsPerEpoch = trainer.epoch ? trainMs / trainer.epoch : undefined;
  if (trainer.failure) return { ...report, phase: 'failed', error: trainer.failure };
  if (trainer.epoch === 0) return { ...report, phase: 'stopped' };
  trainer.restoreKept();
  const head = trainer.head();
  // The head returned is always among the snapshots (with nothing held out there is no best epoch: it is the last).
  snapshots.take(report.bestEpoch ?? trainer.epoch, () => head, true);
  return {
    ...report,
    phase: !report.overfit && (deps.stopped() || trainer.epoch < settings.epochs) ? 'stopped' : 'done',
    head: encodeHeadLink(head),
    snapshots: snapshots.links(),
    evaluation: trainer.evaluate(head),
  };
}
