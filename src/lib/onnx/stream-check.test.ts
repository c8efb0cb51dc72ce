import { describe, expect, it } from 'vitest';
import { GraphBuilder, serializeModel } from './graph-builder';
import { checkOnnxBytes, OnnxShapeError, OnnxStreamCheck } from './stream-check';

function model(): Uint8Array {
  const g = new GraphBuilder('tiny');
  const x = g.input('x', 'float32', ['batch_size', 64]);
  const w = g.initializer('w', { dims: [64, 64], data: new Float32Array(64 * 64).fill(0.5) });
  g.node('MatMul', [x, w], {}, 'y');
  g.output('y', 'float32', ['batch_size', 64]);
  return serializeModel(g.toModel({ doc: 'stream check' }));
}

describe('OnnxStreamCheck', () => {
  it('accepts a whole model, however the bytes are chunked', () => {
    const bytes = model();
    expect(() => checkOnnxBytes(bytes)).not.toThrow();
    for (const size of [1, 3, 1000]) {
      const check = new OnnxStreamCheck();
      for (let i = 0; i < bytes.length; i += size) check.push(bytes.subarray(i, i + size));
      expect(() => check.finish()).not.toThrow();
    }
  });

  it('refuses the same model cut anywhere, as an honest server would send a truncated file', () => {
    const bytes = model();
    for (const at of [1, 2, 10, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(() => checkOnnxBytes(bytes.subarray(0, at)), `cut at ${at}`).toThrow(OnnxShapeError);
    }
    expect(() => checkOnnxBytes(bytes.subarray(0, bytes.length / 2))).toThrow(/bytes short of its last part/);
  });

  it('refuses what is not a model at all: a web page, JSON, nothing', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(() => checkOnnxBytes(text('<!doctype html><html><body>Sign in</body></html>'))).toThrow(/not an ONNX model/);
    expect(() => checkOnnxBytes(text('{"error":"Entry not found"}'))).toThrow(OnnxShapeError);
    expect(() => checkOnnxBytes(new Uint8Array(0))).toThrow(/no graph/);
  });
});
