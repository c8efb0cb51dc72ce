import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { countMasks } from './postprocess';
import { demo } from './demo';
import { insideViews, seam } from './seam';

export default defineHat(seam, {
  id: 'masked-lm',
  icon: '📜',
  title: 'Masked language modeling',
  autoClass: 'AutoModelForMaskedLM',
  purpose: 'Hides words behind a mask and lets the model guess them from both sides: the game BERT was first trained on.',
  tip: 'Cover a word with my paw and BERT guesses what is under it, peeking left and right. I do the same with treats.',
  pickQuestion: 'Do you want the model to guess a hidden word from the words on both sides of it?',
  pickOrder: 90,
  order: 20,
  inside: { views: insideViews, caption: (p) => p.text },
  defaultModel: 'Xenova/bert-base-uncased',
  demo,
  models: [
    {
      id: 'Xenova/bert-base-uncased',
      note: 'The original BERT (English, lowercase) with its pretraining masked-word head. Mask: [MASK].',
      sizes: { fp32: 438 * MB, fp16: 219 * MB, q8: 111 * MB, int8: 110 * MB, uint8: 110 * MB, q4: 150 * MB, q4f16: 96.4 * MB, bnb4: 144 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
    {
      id: 'Xenova/distilbert-base-uncased',
      note: 'DistilBERT: 6 layers instead of 12, distilled from BERT; faster, a little less sure. Mask: [MASK].',
      sizes: { fp32: 268 * MB, fp16: 134 * MB, q8: 67.7 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
    {
      id: 'Xenova/distilroberta-base',
      note: 'A distilled RoBERTa: byte-level tokens, no next-sentence task in pretraining. Mask: <mask> ([MASK] is converted).',
      sizes: { fp32: 329 * MB, fp16: 165 * MB, q8: 83 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
    {
      id: 'Xenova/bert-base-multilingual-uncased',
      note: 'BERT trained on Wikipedia in 102 languages. Mask: [MASK].',
      sizes: { fp32: 670 * MB, fp16: 335 * MB, q8: 169 * MB },
      licence: 'Apache-2.0',
      languages: 'Multilingual',
    },
  ],
  guesses: (o) => o.masks[0]?.predictions.map((p) => p.token) ?? [],
  texts: (p) => [p.text],
  validate(p, facts, update) {
    const mask = facts?.maskToken ?? '[MASK]';
    if (!p.text.trim()) {
      return {
        message: `The text is empty. Type a sentence with ${mask} where a word should be guessed.`,
        fix: { label: `Insert ${mask}`, apply: () => update({ ...p, text: `The cat sat on the ${mask}.` }) },
      };
    }
    if (countMasks(p.text, mask) === 0) {
      return {
        message: `There is no ${mask} in the text, so there is nothing to guess. Put ${mask} where a word should be.`,
        fix: { label: `Insert ${mask}`, apply: () => update({ ...p, text: `${p.text.trimEnd()} ${mask}` }) },
      };
    }
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
