import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { fitProblem, readHeadParam } from './head-codec';
import { demo } from './demo';
import { insideViews, seam } from './seam';

export default defineHat(seam, {
  id: 'custom-head',
  icon: '🎯',
  title: 'Your own head',
  autoClass: 'AutoModel + your own head',
  purpose:
    'Train a small classifier or regression head on your own examples, on top of a frozen sentence encoder, right here in the browser; then wear it like any other hat, export it, or send it in a link.',
  tip: 'Nobody ever published a model for my moods, so I taught one myself: forty diary entries, a few hundred epochs, and now it knows a hungry meow from a sleepy one. The encoder did the hard part; I only trained the hat.',
  pickQuestion: 'Do you want labels of your own (or a score) that no published model gives, and can you write a few dozen examples?',
  pickOrder: 50,
  pickFallback: 'None of the questions fit? Your own head trains a small classifier or scorer on a few dozen examples of yours, on top of a frozen encoder, right here in the page.',
  order: 120,
  runMode: 'live',
  // The live prediction belongs under the training curve, not after the whole workbench.
  outputInForm: true,
  // The Inside panel looks at the frozen encoder reading the text; the head itself is drawn in the form.
  inside: { views: insideViews, caption: (p) => p.text },
  defaultModel: 'Xenova/all-MiniLM-L6-v2',
  demo,
  models: [
    {
      id: 'Xenova/all-MiniLM-L6-v2',
      note: 'Sentence embeddings (sentence-transformers): 6 layers, 384 dimensions, trained on a billion sentence pairs. The head reads the mean-pooled vector.',
      sizes: { fp32: 90.4 * MB, fp16: 45.3 * MB, q8: 23 * MB, int8: 23 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
    {
      id: 'Xenova/bge-small-en-v1.5',
      note: 'BAAI general embedding, small: 12 layers, 384 dimensions. The head reads the [CLS] vector, as BGE is trained to be pooled.',
      sizes: { fp32: 133 * MB, fp16: 66.7 * MB, q8: 34 * MB },
      licence: 'MIT',
      languages: 'English',
    },
    {
      id: 'Xenova/paraphrase-MiniLM-L3-v2',
      note: 'The smallest: 3 layers, 384 dimensions, trained on paraphrase pairs (sentence-transformers); the quickest to embed many examples. Mean pooling.',
      sizes: { fp32: 69 * MB, fp16: 34.6 * MB, q8: 17.5 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
  ],
  texts: (p) => [p.text],
  validate(p, facts) {
    if (!p.head) return { message: 'Train or import a head first: add examples and press “Train the head”, or import a head file.' };
    const { head, error } = readHeadParam(p.head);
    if (!head) return { message: `This head cannot be worn: ${error ?? 'it could not be read.'}` };
    const misfit = fitProblem(head, facts?.hiddenSize, 'the loaded encoder');
    if (misfit) return { message: misfit };
    if (!p.text.trim()) return { message: 'The text is empty. Type a sentence for your head to read.' };
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
