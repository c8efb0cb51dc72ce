import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { demo } from './demo';
import { insideViews, seam } from './seam';

export default defineHat(seam, {
  id: 'sequence-classification',
  icon: '🎩',
  title: 'Sequence classification',
  autoClass: 'AutoModelForSequenceClassification',
  purpose: 'Reads a whole text (or a pair of sentences) and gives one label for all of it: positive or negative, entailment or contradiction, toxic or not.',
  tip: 'Put this hat on and the whole sentence gets one verdict. Like me deciding if a lap is comfy: one look, one answer.',
  pickQuestion: 'Do you want a label published models already give (sentiment, toxicity, entailment) for a whole text or a pair of sentences?',
  pickOrder: 80,
  order: 10,
  inside: { views: insideViews, caption: (p) => (p.text_pair.trim() ? `${p.text} / ${p.text_pair}` : p.text) },
  defaultModel: 'Xenova/distilbert-base-uncased-finetuned-sst-2-english',
  demo,
  models: [
    {
      id: 'Xenova/distilbert-base-uncased-finetuned-sst-2-english',
      note: 'Sentiment of English movie reviews (SST-2): POSITIVE or NEGATIVE.',
      sizes: { fp32: 268 * MB, fp16: 134 * MB, q8: 67.6 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
    {
      id: 'Xenova/mobilebert-uncased-mnli',
      note: 'Natural language inference on a sentence pair (MNLI): entailment, neutral or contradiction. Small.',
      sizes: { fp32: 99 * MB, fp16: 50.1 * MB, q8: 27 * MB },
      licence: 'see model card',
      pair: true,
      languages: 'English',
    },
    {
      id: 'Xenova/distilbert-base-uncased-mnli',
      note: 'Natural language inference on a sentence pair (MNLI), DistilBERT-sized.',
      sizes: { fp32: 268 * MB, fp16: 134 * MB, q8: 67.6 * MB },
      licence: 'see model card',
      pair: true,
      languages: 'English',
    },
    {
      id: 'Xenova/distilbert-base-multilingual-cased-sentiments-student',
      note: 'Sentiment (positive, neutral, negative) in many languages, distilled from a zero-shot teacher.',
      sizes: { fp32: 541 * MB, fp16: 271 * MB, q8: 136 * MB, int8: 136 * MB, uint8: 136 * MB, q4: 398 * MB, bnb4: 395 * MB },
      licence: 'Apache-2.0',
      languages: 'Multilingual',
    },
    {
      id: 'Xenova/toxic-bert',
      note: 'Six toxicity labels at once (multi-label: one sigmoid per label, scores need not sum to 1).',
      sizes: { fp32: 438 * MB, fp16: 219 * MB, q8: 111 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
  ],
  guesses: (o) => [...o.labels].sort((a, b) => b.score - a.score).map((l) => l.label),
  texts: (p) => [p.text, p.text_pair],
  validate(p) {
    if (!p.text.trim()) return { message: 'The text is empty. Type a sentence for the model to classify.' };
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
