import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { demo } from './demo';
import { insideViews, seam } from './seam';

export default defineHat(seam, {
  id: 'base-model',
  icon: '🧰',
  title: 'Base model (hidden states)',
  autoClass: 'AutoModel',
  purpose: 'The body with no task layer: one vector per token, straight from the last encoder layer. Pool them into sentence vectors, compare them, or build a head of your own.',
  tip: 'Without a hat, BERT is a fluffy blob that naps all day until it is given a purpose. This is the blob: warm, full of numbers, and waiting for you.',
  pickQuestion: 'Do you want to compare texts by meaning (similar sentences, search, clustering), or vectors to build on?',
  pickOrder: 60,
  order: 70,
  inside: { views: insideViews, caption: (p) => p.text },
  defaultModel: 'Xenova/all-MiniLM-L6-v2',
  demo,
  models: [
    {
      id: 'Xenova/all-MiniLM-L6-v2',
      note: 'Sentence embeddings (sentence-transformers): 6 layers, 384 dimensions, trained on a billion sentence pairs. Pooling: mean.',
      sizes: { fp32: 90.4 * MB, fp16: 45.3 * MB, q8: 23 * MB, int8: 23 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
    {
      id: 'Xenova/bge-small-en-v1.5',
      note: 'BAAI general embedding, small: 12 layers, 384 dimensions. Trained to be pooled with the first token, so read the [CLS] cosine.',
      sizes: { fp32: 133 * MB, fp16: 66.7 * MB, q8: 34 * MB },
      licence: 'MIT',
      languages: 'English',
    },
    {
      id: 'Xenova/paraphrase-MiniLM-L3-v2',
      note: 'The smallest here: 3 layers, 384 dimensions, trained on paraphrase pairs (sentence-transformers). Pooling: mean.',
      sizes: { fp32: 69 * MB, fp16: 34.6 * MB, q8: 17.5 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
  ],
  texts: (p) => [p.text],
  validate(p) {
    if (!p.text.trim()) return { message: 'The text is empty. Type a sentence to see the vectors the model makes of it.' };
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
