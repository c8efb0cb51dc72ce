import { collect, readNumber, textParam } from '@/lib/params';
import { paceParam, type Pace } from '@/lib/pace';
import type { ParamsCodec } from '@/hats/types';

export interface CausalParams {
  /** The prompt the model continues (may be empty: then it starts from its start token). */
  text: string;
  max_new_tokens: number;
  /** 0 = greedy decoding (always the most likely token); above 0, seeded sampling at this temperature. */
  temperature: number;
  /** Sample only among the k most likely tokens; 0 = no limit. */
  top_k: number;
  /** Sample only among the most likely tokens that make up p of the probability; 1 = no limit. */
  top_p: number;
  seed: number;
  /** 'slow' writes one token every half second, so a class can follow each step. */
  pace: Pace;
}

interface Range {
  min: number;
  max: number;
  integer: boolean;
  label: string;
}

export const RANGES: Record<Exclude<keyof CausalParams, 'text' | 'pace'>, Range> = {
  max_new_tokens: { min: 1, max: 256, integer: true, label: 'New tokens' },
  temperature: { min: 0, max: 2, integer: false, label: 'Temperature' },
  top_k: { min: 0, max: 1000, integer: true, label: 'Top-k' },
  top_p: { min: 0, max: 1, integer: false, label: 'Top-p' },
  seed: { min: 0, max: 4294967295, integer: true, label: 'Seed' },
};

export const DEFAULTS: CausalParams = {
  text: 'the cat',
  max_new_tokens: 20,
  temperature: 0,
  top_k: 50,
  top_p: 1,
  seed: 42,
  pace: 'fast',
};

type NumberKey = keyof typeof RANGES;
const NUMBER_KEYS = Object.keys(RANGES) as NumberKey[];

/** A setting brought into its range (rounded where it must be whole), with a note when it changed. */
export function clampSetting(key: NumberKey, value: number): { value: number; note?: string } {
  const r = RANGES[key];
  if (!Number.isFinite(value)) return { value: DEFAULTS[key], note: `${r.label} must be a number; using ${DEFAULTS[key]}.` };
  let v = r.integer ? Math.round(value) : value;
  v = Math.min(r.max, Math.max(r.min, v));
  if (v === value) return { value: v };
  return { value: v, note: `${r.label} ${value} is outside ${r.min}–${r.max}${r.integer ? ' (whole numbers)' : ''}; using ${v}.` };
}

/** Every generation setting in range, and a note for each one that had to change. */
export function clampSettings(p: CausalParams): { params: CausalParams; notes: string[] } {
  const params = { ...p };
  const notes: string[] = [];
  for (const key of NUMBER_KEYS) {
    const { value, note } = clampSetting(key, p[key]);
    params[key] = value;
    if (note) notes.push(note);
  }
  return { params, notes };
}

export const causalCodec: ParamsCodec<CausalParams> = {
  defaults: DEFAULTS,
  parse(query) {
    const c = collect();
    const params = { ...DEFAULTS, text: c.take(textParam(query, 'text', DEFAULTS.text)), pace: c.take(paceParam(query)) };
    for (const key of NUMBER_KEYS) {
      // Written in digits; a fraction where a whole number belongs is rounded by clampSetting, with its note.
      const read = readNumber(query, key, false);
      if (read.kind === 'absent') continue;
      if (read.kind === 'empty') {
        c.notices.push(read.notice);
        continue;
      }
      const { value, note } = clampSetting(key, read.kind === 'number' ? read.value : NaN);
      params[key] = value;
      if (note) c.notices.push(`The link's “${key}”: ${note}`);
    }
    return { params, notices: c.notices };
  },
  serialize(p) {
    const out: [string, string][] = [];
    if (p.text !== DEFAULTS.text) out.push(['text', p.text]);
    for (const key of NUMBER_KEYS) if (p[key] !== DEFAULTS[key]) out.push([key, String(p[key])]);
    if (p.pace !== DEFAULTS.pace) out.push(['pace', p.pace]);
    return out;
  },
};
