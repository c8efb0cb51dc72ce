import { defineSeam } from '../hat-seam';
import { MIRROR_DEFAULTS } from './params';
import type { DriftPayload, DriftReport, MirrorOutput, MirrorRunParams } from './types';

/** The worker's view-adapter key for the mirror (views are found by folder, as hats are). */
export const MIRROR_ADAPTER = 'view:mirror';

const runDefaults: MirrorRunParams = { text: MIRROR_DEFAULTS.text, pair: MIRROR_DEFAULTS.pair, heads: [] };

function readDrift(raw: unknown): DriftPayload {
  const p = raw as Partial<DriftPayload> | null;
  if (typeof p !== 'object' || p === null || p.kind !== 'drift' || typeof p.tuned !== 'string' || p.tuned === '') {
    throw new Error('A drift request names the fine-tuned checkpoint to compare ("tuned").');
  }
  return { kind: 'drift', tuned: p.tuned };
}

/**
 * One pass (run: text → every head's reading) and the drift of a fine-tuned twin (call, streamed).
 * The address codec lives in params.ts; runs never travel in links, so this codec only checks.
 */
export const mirrorSeam = defineSeam<MirrorRunParams, MirrorOutput, DriftPayload, DriftReport>(
  { defaults: runDefaults, parse: () => ({ params: runDefaults, notices: [] }), serialize: () => [] },
  readDrift,
);
