import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { demo } from './demo';
import { insideViews, seam } from './seam';

export default defineHat(seam, {
  id: 'token-classification',
  icon: '🪢',
  title: 'Token classification',
  autoClass: 'AutoModelForTokenClassification',
  purpose: 'Gives every token its own label and finds names, places and organisations right where they stand in your text (NER), or tags each word’s part of speech.',
  tip: 'This hat ties a little tag to every word, like the name tags at my birthday party. Pieces of one name share a ribbon, if you let them.',
  pickQuestion: 'Do you want a tag on every word (names, places, parts of speech)?',
  pickOrder: 70,
  order: 40,
  inside: { views: insideViews, caption: (p) => p.text },
  defaultModel: 'Xenova/bert-base-NER',
  demo,
  models: [
    {
      id: 'Xenova/bert-base-NER',
      note: 'English NER (CoNLL-2003), cased BERT: persons, organisations, locations and miscellaneous (PER, ORG, LOC, MISC).',
      sizes: { fp32: 431 * MB, fp16: 216 * MB, q8: 109 * MB, int8: 108 * MB, uint8: 108 * MB, q4: 145 * MB, q4f16: 93.7 * MB, bnb4: 139 * MB },
      licence: 'MIT',
      languages: 'English',
    },
    {
      id: 'Xenova/bert-base-NER-uncased',
      note: 'The same English NER tags from an uncased BERT: finds “paris” even without a capital letter.',
      sizes: { fp32: 436 * MB, fp16: 218 * MB, q8: 110 * MB, int8: 110 * MB, uint8: 110 * MB, q4: 149 * MB, q4f16: 96 * MB, bnb4: 144 * MB },
      licence: 'see model card',
      languages: 'English',
    },
    {
      id: 'Xenova/bert-base-multilingual-cased-ner-hrl',
      note: 'NER in 10 high-resource languages from multilingual BERT (cased).',
      sizes: { fp32: 709 * MB, fp16: 355 * MB, q8: 178 * MB },
      licence: 'AFL-3.0',
      languages: 'Multilingual',
    },
    {
      id: 'codewithkyrian/bert-english-uncased-finetuned-pos',
      note: 'Part-of-speech tags (NOUN, VERB, ADJ, …) without B-/I- prefixes: “simple” merges neighbouring words with the same tag, as Python does.',
      sizes: { q8: 110 * MB },
      licence: 'see model card',
      languages: 'English',
    },
  ],
  texts: (p) => [p.text],
  validate(p) {
    if (!p.text.trim()) return { message: 'The text is empty. Type a sentence with a few names or places to tag.' };
    // Only zero-width or control characters: the tokenizer drops them all and nothing is left to tag.
    if (!/[^\s\p{C}\p{M}]/u.test(p.text)) return { message: 'The text has only invisible characters, so there is no word to tag.' };
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
