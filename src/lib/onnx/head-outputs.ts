import type { EncoderConfig, HeadSpec } from './bert-names';

/** Symbolic dims, named as in the exports transformers.js loads. */
export const BATCH = 'batch_size';
export const SEQUENCE = 'sequence_length';

export interface HeadOutput {
  name: string;
  dims: (string | number)[];
}

/**
 * The graph outputs of each head, named as Hugging Face names the fields of
 * the model output (and as Optimum names the ONNX outputs), so transformers.js
 * finds them: QuestionAnsweringModelOutput.start_logits, BaseModelOutput.last_hidden_state,
 * BertForPreTrainingOutput.prediction_logits / seq_relationship_logits, else `logits`.
 * Multiple choice: one row per (context, choice) pair, one score each; the
 * caller softmaxes across the rows of one question.
 */
export function headOutputs(config: EncoderConfig, head: HeadSpec): HeadOutput[] {
  const v = config.vocabSize;
  switch (head.kind) {
    case 'base':
      return [{ name: 'last_hidden_state', dims: [BATCH, SEQUENCE, config.hiddenSize] }];
    case 'masked-lm':
      return [{ name: 'logits', dims: [BATCH, SEQUENCE, v] }];
    case 'sequence-classification':
      return [{ name: 'logits', dims: [BATCH, head.numLabels] }];
    case 'token-classification':
      return [{ name: 'logits', dims: [BATCH, SEQUENCE, head.numLabels] }];
    case 'question-answering':
      return [
        { name: 'start_logits', dims: [BATCH, SEQUENCE] },
        { name: 'end_logits', dims: [BATCH, SEQUENCE] },
      ];
    case 'multiple-choice':
      return [{ name: 'logits', dims: [BATCH, 1] }];
    case 'next-sentence-prediction':
      return [{ name: 'logits', dims: [BATCH, 2] }];
    case 'pretraining':
      return [
        { name: 'prediction_logits', dims: [BATCH, SEQUENCE, v] },
        { name: 'seq_relationship_logits', dims: [BATCH, 2] },
      ];
    default: {
      const never: never = head;
      throw new Error(`unknown head ${JSON.stringify(never)}`);
    }
  }
}
