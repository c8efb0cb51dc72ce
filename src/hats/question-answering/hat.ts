import { lazyPart } from '@/lib/import-chunk';
import { defineHat } from '@/hats/types';
import { MB } from '@/lib/format';
import { demo } from './demo';
import { insideViews, seam } from './seam';

export default defineHat(seam, {
  id: 'question-answering',
  icon: '💬',
  title: 'Question answering',
  autoClass: 'AutoModelForQuestionAnswering',
  purpose: 'Reads a question and a passage, and points at the span of the passage that answers it: extractive QA, as trained on SQuAD.',
  tip: 'Ask me where the treats are and I will not make anything up: I just put my paw on the exact words in the note you gave me.',
  pickQuestion: 'Is the answer written word for word in a passage you provide, so the model can point at it?',
  pickOrder: 40,
  order: 30,
  inside: { views: insideViews, caption: (p) => `${p.question} / ${p.context}`, pick: { param: 'window', preferred: (o) => o.answers[0]?.window } },
  defaultModel: 'Xenova/distilbert-base-cased-distilled-squad',
  demo,
  models: [
    {
      id: 'Xenova/distilbert-base-cased-distilled-squad',
      note: 'DistilBERT (cased) distilled on SQuAD 1.1: fast English extractive QA. It never saw an unanswerable question.',
      sizes: { fp32: 261 * MB, fp16: 131 * MB, q8: 65.8 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
    {
      id: 'Xenova/distilbert-base-uncased-distilled-squad',
      note: 'The same recipe on the lowercase DistilBERT: capital letters make no difference to it.',
      sizes: { fp32: 266 * MB, fp16: 133 * MB, q8: 67 * MB },
      licence: 'Apache-2.0',
      languages: 'English',
    },
    {
      id: 'onnx-community/mdeberta-ru-qa-ONNX',
      note: 'Multilingual DeBERTa-v3 fine-tuned for Russian extractive QA (abletobetable/mdeberta-ru-qa). Large download.',
      sizes: { fp32: 1150 * MB, fp16: 575 * MB, q8: 317 * MB, int8: 317 * MB, uint8: 317 * MB, q4: 863 * MB, q4f16: 453 * MB, bnb4: 858 * MB },
      licence: 'see model card',
      languages: 'Russian',
    },
  ],
  texts: (p) => [p.question, p.context],
  validate(p) {
    const noQuestion = !p.question.trim();
    const noContext = !p.context.trim();
    if (noQuestion && noContext) return { message: 'The question and the context are both empty. Type a question, and a passage that answers it.' };
    if (noQuestion) return { message: 'The question is empty. Type a question whose answer is somewhere in the context.' };
    if (noContext) return { message: 'The context is empty. Paste a passage for the model to search for the answer.' };
    return null;
  },
  Form: lazyPart(() => import('./Form')),
  Output: lazyPart(() => import('./Output')),
  Explainer: lazyPart(() => import('./Explainer')),
});
