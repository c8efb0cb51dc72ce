import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { demo } from './demo';
import { seam } from './seam';

export default defineHat(seam, {
  id: 'causal-lm',
  icon: '🧵',
  title: 'Causal language modeling',
  autoClass: 'AutoModelForCausalLM',
  purpose:
    'Writes text left to right, one token at a time, GPT-style: at every step it scores the whole vocabulary for the next token and picks one. A cousin of BERT, not BERT.',
  tip: 'This hat only ever looks backwards, like me following a trail of treats: one crumb, then the next, never peeking at what is further along.',
  pickQuestion: 'Should the model continue a prompt and write on, GPT-style (a cousin of BERT, not BERT)?',
  pickOrder: 20,
  modelRequirement: 'ONNX weights for transformers.js: onnx/model*.onnx, or the older onnx/decoder_model_merged*.onnx.',
  order: 90,
  runMode: 'on-demand',
  runLabel: 'Generate',
  stoppable: true,
  defaultModel: 'Xenova/distilgpt2',
  demo,
  models: [
    {
      id: 'Xenova/distilgpt2',
      note: 'DistilGPT-2: a 6-layer distilled GPT-2 trained on OpenWebText. Small and quick; continues English text (older merged-decoder export).',
      sizes: { fp32: 330 * MB, q8: 84.9 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
    {
      id: 'Xenova/gpt2',
      note: 'The original GPT-2 (124M, 12 layers) from OpenAI, trained on WebText: plain continuation, no instructions.',
      sizes: { fp32: 501 * MB, fp16: 251 * MB, int8: 281 * MB, q4: 500 * MB, bnb4: 500 * MB },
      licence: 'MIT',
      languages: 'English',
    },
    {
      id: 'HuggingFaceTB/SmolLM2-135M-Instruct',
      note: 'SmolLM2 135M Instruct: a small modern Llama-style model tuned to follow instructions (best with its chat template; here it continues plain prompts).',
      sizes: { fp32: 654 * MB, fp16: 327 * MB, q4: 200 * MB, q4f16: 134 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
  ],
  texts: (p) => [p.text],
  // Nothing blocks a run: an empty prompt starts from the start token, settings out of range are clamped (with a note).
  validate: () => null,
  // The panel looks inside the prompt: the tokens the model reads before it writes its first word.
  inside: {
    views: ['attention', 'lens', 'hidden'],
    caption: (p) => (p.text ? `the prompt “${p.text}”` : 'the start token (the prompt is empty)'),
    notes: {
      special:
        'Look at the top right of every grid: all zeros. A token here may only look back, never ahead, like me following a trail of treats. There is no [CLS] or [SEP] either; a head with nothing useful to look at parks its weight on the very first token, which every later token can see.',
      lens: 'The logit lens holds the model’s own last layer norm and output head up to every layer, as if it had to say its next word right there. Early layers often just echo the word they sit on; the real guess forms later. It can mislead: that head was only ever trained on the last layer, so an early “guess” is the head reading a language it was never taught.',
    },
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
