/*
 * Where Python finds PyTorch weights for each model the hats list. Most listed repos hold ONNX
 * exports only, which PyTorch cannot load; the Python snippets name the checkpoint the export was
 * made from, but only where fixtures/hub-replicas/manifest.json records that repo's PyTorch weights
 * (a unit test keeps this table and the manifest equal). Elsewhere they say so instead of guessing.
 */

export interface PytorchSource {
  /** The repo with PyTorch weights: the model itself, or the checkpoint its ONNX export came from; null when unverified. */
  repo: string | null;
  /** Unverified: the original the model card names, whose PyTorch weights were not checked. */
  named?: string;
}

export const PYTORCH_SOURCES: Readonly<Record<string, PytorchSource>> = {
  'HuggingFaceTB/SmolLM2-135M-Instruct': { repo: 'HuggingFaceTB/SmolLM2-135M-Instruct' },
  'Xenova/all-MiniLM-L6-v2': { repo: 'sentence-transformers/all-MiniLM-L6-v2' },
  'Xenova/bert-base-NER': { repo: 'dslim/bert-base-NER' },
  'Xenova/bert-base-NER-uncased': { repo: null },
  'Xenova/bert-base-multilingual-cased-ner-hrl': { repo: 'Davlan/bert-base-multilingual-cased-ner-hrl' },
  'Xenova/bert-base-multilingual-uncased': { repo: 'google-bert/bert-base-multilingual-uncased' },
  'Xenova/bert-base-uncased': { repo: 'google-bert/bert-base-uncased' },
  'Xenova/bge-small-en-v1.5': { repo: null },
  'Xenova/distilbert-base-cased-distilled-squad': { repo: 'distilbert/distilbert-base-cased-distilled-squad' },
  'Xenova/distilbert-base-multilingual-cased-sentiments-student': { repo: 'lxyuan/distilbert-base-multilingual-cased-sentiments-student' },
  'Xenova/distilbert-base-uncased': { repo: 'distilbert/distilbert-base-uncased' },
  'Xenova/distilbert-base-uncased-distilled-squad': { repo: 'distilbert/distilbert-base-uncased-distilled-squad' },
  'Xenova/distilbert-base-uncased-finetuned-sst-2-english': { repo: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english' },
  'Xenova/distilbert-base-uncased-mnli': { repo: 'typeform/distilbert-base-uncased-mnli' },
  'Xenova/distilgpt2': { repo: 'distilbert/distilgpt2' },
  'Xenova/distilroberta-base': { repo: 'distilbert/distilroberta-base' },
  'Xenova/flan-t5-base': { repo: 'google/flan-t5-base' },
  'Xenova/flan-t5-small': { repo: 'google/flan-t5-small' },
  'Xenova/gpt2': { repo: 'openai-community/gpt2' },
  'Xenova/mobilebert-uncased-mnli': { repo: 'typeform/mobilebert-uncased-mnli' },
  'Xenova/paraphrase-MiniLM-L3-v2': { repo: null },
  'Xenova/t5-small': { repo: 'google-t5/t5-small' },
  'Xenova/toxic-bert': { repo: 'unitary/toxic-bert' },
  'codewithkyrian/bert-english-uncased-finetuned-pos': { repo: 'vblagoje/bert-english-uncased-finetuned-pos' },
  'facebook/vit-mae-base': { repo: 'facebook/vit-mae-base' },
  'google-bert/bert-base-cased': { repo: 'google-bert/bert-base-cased' },
  'google-bert/bert-base-uncased': { repo: 'google-bert/bert-base-uncased' },
  'onnx-community/mdeberta-ru-qa-ONNX': { repo: 'abletobetable/mdeberta-ru-qa' },
  'stefandi/bert-base-uncased-finetuned-swag': { repo: 'stefandi/bert-base-uncased-finetuned-swag' },
};

export interface PythonModel {
  /** The repo the snippet loads; null: there is no verified one, and `comment` says so. */
  id: string | null;
  /** Python comment lines (each starting with "# ") saying where the weights come from, or ''. */
  comment: string;
}

/** The repo a Python snippet loads for `modelId`, and the line that says why. */
export function pythonModel(modelId: string): PythonModel {
  const source = PYTORCH_SOURCES[modelId];
  if (!source) {
    return { id: modelId, comment: `# PyTorch needs PyTorch weights: if ${modelId} holds only ONNX files, put the repo it was exported from here.\n` };
  }
  if (source.repo === modelId) return { id: modelId, comment: '' };
  if (source.repo) return { id: source.repo, comment: `# The browser runs the ONNX export of this checkpoint (${modelId}); PyTorch loads the original.\n` };
  const named = source.named ? ` Its model card names ${source.named} as the original, but that repo's PyTorch weights were not verified here.` : ' Which checkpoint it was exported from is not verified here.';
  return {
    id: null,
    comment: `# ${modelId} holds ONNX weights only, which PyTorch cannot load.${named}\n# So there is no Python snippet for this model; the JavaScript one runs it as the page does.\n`,
  };
}
