import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { shuffledSentence } from './params';
import { demo } from './demo';
import { insideViews, seam } from './seam';

export default defineHat(seam, {
  id: 'next-sentence-prediction',
  icon: '🧠',
  title: 'Next sentence prediction',
  autoClass: 'AutoModelForNextSentencePrediction',
  purpose: 'Reads two spans of text, A and B (a sentence each, or more), and says whether B is the text that came right after A (IsNext) or a span picked at random (NotNext), with the head BERT learned in pretraining.',
  tip: 'BERT learned this from books: after “The bowl was full.” comes “Then I napped.”, never “The stock market fell.” My own rule is simpler: after the bowl, always a nap.',
  pickQuestion: 'Do you want to know whether span B is the text that came right after span A, as BERT learned in pretraining?',
  pickOrder: 100,
  order: 60,
  inside: { views: insideViews, caption: (p) => `${p.sentence_a} / ${p.sentence_b}` },
  defaultModel: 'google-bert/bert-base-uncased',
  modelRequirement: 'a BERT checkpoint with model.safetensors and its NSP head (cls.seq_relationship)',
  demo,
  models: [
    {
      id: 'google-bert/bert-base-uncased',
      note: 'The original BERT (English, lowercase), with the pooler and cls.seq_relationship head from its pretraining. No ONNX needed: the page reads model.safetensors (about 440 MB, almost all of it needed) by Range requests.',
      sizes: { fp32: 438 * MB, q8: 438 * MB },
      licence: 'Apache-2.0',
      pair: true,
      languages: 'English',
    },
    {
      id: 'google-bert/bert-base-cased',
      note: 'The original BERT keeping capital letters, with its pretraining next-sentence head; model.safetensors is about 436 MB.',
      sizes: { fp32: 433 * MB, q8: 433 * MB },
      licence: 'Apache-2.0',
      pair: true,
      languages: 'English',
    },
  ],
  guesses: (o) => (o.label === 'IsNext' ? ['IsNext', 'NotNext'] : ['NotNext', 'IsNext']),
  texts: (p) => [p.sentence_a, p.sentence_b],
  validate(p, _facts, update) {
    if (!p.sentence_a.trim()) return { message: 'Sentence A is empty. Type the first sentence.' };
    if (!p.sentence_b.trim()) {
      return {
        message: 'Sentence B is missing. The head judges whether B follows A, so it needs both sentences.',
        fix: { label: 'Use a random sentence B', apply: () => update({ ...p, sentence_b: shuffledSentence(p.sentence_b) }) },
      };
    }
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
