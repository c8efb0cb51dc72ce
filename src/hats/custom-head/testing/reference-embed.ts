import { referenceEncoder } from '../../../lib/onnx/reference';
import type { FixtureModelSpec } from '../../../lib/onnx/testing/fixture-spec';
import { pool } from '../pooling';
import { wordpiece } from './wordpiece';

/**
 * Sentence vectors of a fixture model computed in plain TypeScript (float64 reference encoder, mean
 * pooling, normalized), as the browser computes them with ONNX Runtime up to rounding.
 */
export function referenceEmbedder(spec: FixtureModelSpec): (text: string) => Float32Array {
  const weights = spec.weights();
  const cache = new Map<string, Float32Array>();
  return (text) => {
    const hit = cache.get(text);
    if (hit) return hit;
    const ids = wordpiece(text).slice(0, spec.modelMaxLength);
    const xs = referenceEncoder(spec.config, weights, ids);
    const vector = pool(xs.flat(), ids.map(() => 1), spec.config.hiddenSize, 'mean', true);
    cache.set(text, vector);
    return vector;
  };
}
