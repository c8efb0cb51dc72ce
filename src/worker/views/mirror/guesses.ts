import { softmaxF64 } from '@/lib/maths';
import type { Guess } from '@/lib/mirror/types';

/** The masked-word head's top `k` words at every position, with their softmax probabilities. */
export function topGuesses(logits: Float32Array, seq: number, vocabSize: number, vocab: readonly string[], k: number): Guess[][] {
  return Array.from({ length: seq }, (_, p) => {
    const probs = softmaxF64(logits.subarray(p * vocabSize, (p + 1) * vocabSize));
    const best: number[] = [];
    for (let id = 0; id < vocabSize; id++) {
      if (best.length < k || probs[id]! > probs[best.at(-1)!]!) {
        best.push(id);
        best.sort((a, b) => probs[b]! - probs[a]!);
        if (best.length > k) best.pop();
      }
    }
    return best.map((id) => ({ token: vocab[id] ?? `<${id}>`, p: probs[id]! }));
  });
}
