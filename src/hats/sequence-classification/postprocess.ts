import { sigmoid, softmax } from '@/lib/maths';

export interface LabelScore {
  label: string;
  score: number;
  logit: number;
}

export interface SeqClsOutput {
  activation: 'softmax' | 'sigmoid';
  labels: LabelScore[];
}

/**
 * Turns the classifier's logits into one probability per label, named by the model's own config.
 * [1] Single-label models were trained with cross-entropy over a softmax: the scores sum to 1.
 * [2] Multi-label models (problem_type "multi_label_classification") were trained with one
 *     sigmoid per label: each score stands alone and they need not sum to 1.
 */
export function scoreLabels(logits: ArrayLike<number>, id2label: Record<string, string> | undefined, problemType?: string): SeqClsOutput {
  const activation = problemType === 'multi_label_classification' ? 'sigmoid' : 'softmax';
  const values = Array.from(logits);
  const scores = activation === 'sigmoid' ? values.map(sigmoid) : softmax(values);
  const labels = values.map((logit, i) => ({ label: id2label?.[String(i)] ?? `LABEL_${i}`, score: scores[i]!, logit }));
  labels.sort((a, b) => b.score - a.score);
  return { activation, labels };
}
