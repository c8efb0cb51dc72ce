import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { choicesProblem } from './params';
import { demo } from './demo';
import { insideViews, seam } from './seam';

export default defineHat(seam, {
  id: 'multiple-choice',
  icon: '🔀',
  title: 'Multiple choice',
  autoClass: 'AutoModelForMultipleChoice',
  purpose: 'Reads a context with each of several candidate answers and picks the one that fits best: one score per pair, compared across the choices.',
  tip: 'Offer me three cushions and I will pick the warmest. This hat does the same with answers: it never invents one, it only chooses.',
  pickQuestion: 'Do you already have the candidate answers (to a question about a passage, or for what happens next), so the model only has to pick one?',
  pickOrder: 30,
  order: 50,
  // Each ending is its own pass through the body; the panel looks at one, the best by default.
  inside: { views: insideViews, caption: (p) => `${p.context} / the ending picked below`, pick: { param: 'ending', preferred: (o) => o.best } },
  defaultModel: 'stefandi/bert-base-uncased-finetuned-swag',
  modelRequirement: 'a BERT checkpoint with model.safetensors and a multiple-choice classifier',
  demo,
  models: [
    {
      id: 'stefandi/bert-base-uncased-finetuned-swag',
      note: 'bert-base-uncased fine-tuned for 3 epochs on SWAG (which of four events happens next), 78.8% accuracy on its evaluation set. No ONNX: the page reads its model.safetensors (438 MB) by Range requests.',
      sizes: { fp32: 438 * MB, q8: 438 * MB },
      licence: 'Apache-2.0',
      pair: true,
      languages: 'English',
    },
  ],
  guesses: (o) => [...o.choices].sort((a, b) => b.score - a.score).map((c) => c.text),
  texts: (p) => [p.context, ...p.choices],
  validate(p) {
    const message = choicesProblem(p);
    return message ? { message } : null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
