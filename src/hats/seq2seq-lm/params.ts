import { changed, collect, readNumber, textParam } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';
import { paceParam, type Pace } from '@/lib/pace';

export const TASKS = ['translate-de', 'translate-fr', 'summarize', 'instruct'] as const;
export type Seq2SeqTask = (typeof TASKS)[number];

/** T5's own task prefixes (its config's task_specific_params); "instruct" adds nothing. */
export const PRESETS: Record<Seq2SeqTask, { label: string; prefix: string }> = {
  'translate-de': { label: 'Translate to German', prefix: 'translate English to German: ' },
  'translate-fr': { label: 'Translate to French', prefix: 'translate English to French: ' },
  summarize: { label: 'Summarize', prefix: 'summarize: ' },
  instruct: { label: 'Free instruction', prefix: '' },
};

export interface Seq2SeqParams {
  text: string;
  task: Seq2SeqTask;
  /** How many tokens the decoder may write at most. */
  max_new_tokens: number;
  /** 'slow' writes one token every half second, so a class can follow each step. */
  pace: Pace;
}

export const MIN_NEW_TOKENS = 1;
/** T5 was trained on 512-token windows; longer outputs are beyond what it learned. */
export const MAX_NEW_TOKENS = 512;

export const seq2seqDefaults: Seq2SeqParams = {
  text: 'The cat sleeps on the warm windowsill.',
  task: 'translate-de',
  max_new_tokens: 40,
  pace: 'fast',
};

/**
 * The prefix the page puts in front of the person's text: the preset's, unless the text already
 * starts with a task prefix of its own ("translate English to German: the cat" is read as typed,
 * never with the prefix twice). `typed` is the prefix found in the text, if any.
 */
export function addedPrefix(p: Pick<Seq2SeqParams, 'text' | 'task'>): { prefix: string; typed?: string } {
  const start = p.text.trimStart().toLowerCase();
  const typed = TASKS.map((t) => PRESETS[t].prefix).find((x) => x && start.startsWith(x.trim().toLowerCase()));
  return typed ? { prefix: '', typed: typed.trim() } : { prefix: PRESETS[p.task].prefix };
}

/** What the encoder reads, exactly: the added prefix (if any), then the person's text. */
export function sourceText(p: Pick<Seq2SeqParams, 'text' | 'task'>): string {
  return addedPrefix(p).prefix + p.text;
}

export function isTask(value: string): value is Seq2SeqTask {
  return (TASKS as readonly string[]).includes(value);
}

/** Brings a token limit into range, with a note saying what changed. */
export function clampNewTokens(value: number, what = 'max new tokens'): { value: number; note?: string } {
  if (!Number.isFinite(value)) return { value: seq2seqDefaults.max_new_tokens, note: `The ${what} was not a number; using ${seq2seqDefaults.max_new_tokens}.` };
  const whole = Math.round(value);
  const clamped = Math.min(MAX_NEW_TOKENS, Math.max(MIN_NEW_TOKENS, whole));
  if (clamped !== value) {
    return { value: clamped, note: `The ${what} was ${value}; it must be a whole number from ${MIN_NEW_TOKENS} to ${MAX_NEW_TOKENS}, so ${clamped} is used.` };
  }
  return { value };
}

export const seq2seqCodec: ParamsCodec<Seq2SeqParams> = {
  defaults: seq2seqDefaults,
  parse(query) {
    const c = collect();
    const text = c.take(textParam(query, 'text', seq2seqDefaults.text));
    const rawTask = query.get('task');
    let task = seq2seqDefaults.task;
    if (rawTask !== null) {
      if (isTask(rawTask)) task = rawTask;
      else c.notices.push(`The link's “task” (${rawTask.slice(0, 20)}) is not one of ${TASKS.join(', ')}; using ${task}.`);
    }
    let max = seq2seqDefaults.max_new_tokens;
    const rawMax = readNumber(query, 'max_new_tokens', false); // a fraction is rounded by clampNewTokens, with its note
    if (rawMax.kind === 'empty') c.notices.push(rawMax.notice);
    else if (rawMax.kind !== 'absent') {
      const clamped = clampNewTokens(rawMax.kind === 'number' ? rawMax.value : Number.NaN, 'link’s “max_new_tokens”');
      max = clamped.value;
      if (clamped.note) c.notices.push(clamped.note);
    }
    const pace = c.take(paceParam(query));
    return { params: { text, task, max_new_tokens: max, pace }, notices: c.notices };
  },
  serialize(p) {
    return changed([
      ['text', p.text, seq2seqDefaults.text],
      ['task', p.task, seq2seqDefaults.task],
      ['max_new_tokens', p.max_new_tokens, seq2seqDefaults.max_new_tokens],
      ['pace', p.pace, seq2seqDefaults.pace],
    ]);
  },
};
