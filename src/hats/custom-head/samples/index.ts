import type { Example, Task } from '../types';
import { CAT_DIARY } from './cat-diary';

/*
 * Sample sets shipped with the app: Miya's diary, one entry a line, labelled twice: by her mood
 * (classification) and by how many times she rubbed her paws that day (regression; she kneads most
 * when dinner is late).
 */

interface DiaryEntry {
  text: string;
  mood: string;
  pawRubs: number;
}

export interface SampleSet {
  id: string;
  title: string;
  task: Task;
  /** What the label column means. */
  labelName: string;
  examples: Example[];
}

const entries: readonly DiaryEntry[] = CAT_DIARY;

export const SAMPLE_SETS: SampleSet[] = [
  {
    id: 'cat-moods',
    title: "Miya's diary: mood",
    task: 'classification',
    labelName: 'mood',
    examples: entries.map((e) => ({ text: e.text, label: e.mood })),
  },
  {
    id: 'cat-paw-rubs',
    title: "Miya's diary: paw rubs",
    task: 'regression',
    labelName: 'paw rubs',
    examples: entries.map((e) => ({ text: e.text, label: String(e.pawRubs) })),
  },
];
