import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { countMasks, maskLastWord } from './masks';
import { MAX_MASKS } from './params';
import { demo } from './demo';
import { insideViews, seam } from './seam';

export default defineHat(seam, {
  id: 'pretraining',
  icon: '🔬',
  title: 'Pretraining (MLM + NSP)',
  autoClass: 'AutoModelForPreTraining',
  purpose: 'Runs BERT the way it was trained: guess the hidden words and judge whether B follows A in one pass, then shows the loss that training lowers.',
  tip: 'Before any hat, BERT did two exercises a million times: find the hidden word, spot the sentence that does not belong. I trained for my job the same way: one nap at a time.',
  pickQuestion: 'Do you want to see how BERT is trained from scratch?',
  pickOrder: 110,
  order: 80,
  inside: { views: insideViews, caption: (p) => `${p.sentence_a} / ${p.sentence_b}` },
  defaultModel: 'google-bert/bert-base-uncased',
  modelRequirement: 'a BERT pretraining checkpoint with model.safetensors (cls.predictions and cls.seq_relationship)',
  demo,
  models: [
    {
      id: 'google-bert/bert-base-uncased',
      note: 'The original BERT (English, lowercase) with both pretraining heads, masked words and next sentence. No ONNX needed: the page reads model.safetensors (440 MB) by Range requests.',
      sizes: { fp32: 440 * MB, q8: 440 * MB },
      licence: 'Apache-2.0',
      pair: true,
      languages: 'English',
    },
    {
      id: 'google-bert/bert-base-cased',
      note: 'The original BERT keeping capital letters, with both pretraining heads; model.safetensors is about 436 MB.',
      sizes: { fp32: 436 * MB, q8: 436 * MB },
      licence: 'Apache-2.0',
      pair: true,
      languages: 'English',
    },
  ],
  texts: (p) => [p.sentence_a, p.sentence_b],
  validate(p, facts, update) {
    const mask = facts?.maskToken ?? '[MASK]';
    if (!p.sentence_a.trim() || !p.sentence_b.trim()) {
      return { message: `Pretraining reads a pair: fill in both Sentence A and Sentence B (each may hold ${mask}).` };
    }
    const masks = countMasks(p.sentence_a, mask) + countMasks(p.sentence_b, mask);
    if (masks === 0) {
      const hidden = maskLastWord(p.sentence_a, mask);
      return {
        message: `There is no ${mask} in either sentence, so the masked-word head has nothing to guess. Hide a word behind ${mask}.`,
        fix: hidden
          ? { label: `Hide “${hidden.word}” behind ${mask}`, apply: () => update({ ...p, sentence_a: hidden.text, labels: [hidden.word] }) }
          : { label: `Insert ${mask}`, apply: () => update({ ...p, sentence_a: `${p.sentence_a.trimEnd()} ${mask}` }) },
      };
    }
    if (masks > MAX_MASKS) return { message: `That is ${masks} masks; the hat predicts at most ${MAX_MASKS} at once.` };
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
