import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { sourceText } from './params';
import { demo } from './demo';
import { seam } from './seam';

export default defineHat(seam, {
  id: 'seq2seq-lm',
  icon: '🤖',
  title: 'Encoder-decoder (text to text)',
  autoClass: 'AutoModelForSeq2SeqLM',
  purpose:
    'Turns one text into another: an encoder reads the whole input once, then a decoder writes the answer token by token, looking back at the encoder at every step. T5 and FLAN-T5: translation, summaries, instructions.',
  tip: 'Two cats share this hat: one reads the whole letter in a single glance, the other writes the reply one word at a time, peeking at the first for every word. A cousin of BERT, not BERT: same fur, different job.',
  pickQuestion: 'Should one text become another: a translation, a summary, an answer to an instruction written in new words?',
  pickOrder: 10,
  modelRequirement: 'An encoder-decoder ONNX export for transformers.js (T5 family): onnx/encoder_model.onnx and onnx/decoder_model_merged.onnx.',
  order: 100,
  runMode: 'on-demand',
  runLabel: 'Generate',
  stoppable: true,
  defaultModel: 'Xenova/flan-t5-small',
  demo,
  models: [
    {
      id: 'Xenova/flan-t5-small',
      note: 'FLAN-T5 small (77M): T5 v1.1 (pretrained on C4 only), instruction-tuned on over a thousand tasks. 8 + 8 layers, width 512. Follows free instructions as well as prefixes.',
      sizes: { fp32: (141 + 233) * MB, q8: (35.8 + 59.3) * MB },
      licence: 'Apache-2.0',
      languages: 'English; German, French, Romanian for translation',
    },
    {
      id: 'Xenova/t5-small',
      note: 'The original T5 small (60M): 6 + 6 layers, width 512, trained on C4 and a fixed set of prefixed tasks (translate, summarize).',
      sizes: { fp32: (141 + 167) * MB, fp16: (70.8 + 83.7) * MB, q8: (35.6 + 42.4) * MB },
      licence: 'Apache-2.0',
      languages: 'English; German, French, Romanian for translation',
    },
    {
      id: 'Xenova/flan-t5-base',
      note: 'FLAN-T5 base (250M): 12 + 12 layers, width 768. Noticeably better answers, about three times the download of small.',
      sizes: { fp32: (439 + 651) * MB, q8: (110 + 164) * MB },
      licence: 'Apache-2.0',
      languages: 'English; German, French, Romanian for translation',
    },
  ],
  texts: (p) => [sourceText(p)],
  // The panel looks inside the source and the answer the model writes for it, greedily as a run does.
  inside: {
    views: ['attention', 'hidden'],
    caption: (p) => `“${p.text}” and the answer written for it`,
    notes: {
      special:
        'Three kinds of attention live here. The encoder reads the whole source, both ways. The decoder reads only what it has written so far: zeros above the diagonal. Cross-attention is where each step of the decoder looks back at the source while it picks its word; in a translation that is often the word being translated. T5 has no [CLS]: it tells positions apart by a learned bonus for each distance, not by position vectors.',
      hidden:
        'These are the encoder’s vectors for the source, layer by layer. The last of them (after one final norm) is what the decoder reads through cross-attention at every step, like me checking the same food bowl again and again.',
    },
  },
  validate(p) {
    if (!p.text.trim()) return { message: 'The text is empty. Type something for the encoder to read (the preset adds its prefix in front).' };
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
