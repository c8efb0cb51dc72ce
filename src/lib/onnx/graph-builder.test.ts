import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { decodeModel, GraphBuilder, IR_VERSION, OPSET, serializeModel } from './graph-builder';
import { AttributeType, DataType, toNumber } from './onnx-types';
import { readFloatTensor } from './tensor';

/** y = LayerNorm(x · W + b): small, but touches inputs, initializers, attributes and symbolic dims. */
function tinyGraph() {
  const g = new GraphBuilder('tiny');
  const x = g.input('x', 'float32', ['batch_size', 3]);
  const w = g.initializer('w', { dims: [3, 2], data: Float32Array.of(1, 2, 3, 4, 5, 6) });
  const b = g.initializer('b', { dims: [2], data: Float32Array.of(0.5, 0.25) });
  const y = g.node('Add', [g.node('MatMul', [x, w]), b]);
  const ones = g.constant([1, 1], 'float32', [2]);
  const zeros = g.constant([0, 0], 'float32', [2]);
  g.node('LayerNormalization', [y, ones, zeros], { axis: { i: -1 }, epsilon: { f: 1e-5 } }, 'y');
  g.output('y', 'float32', ['batch_size', 2]);
  return g.toModel({ doc: 'unit test' });
}

describe('GraphBuilder', () => {
  it('serializes the same model to the same bytes', () => {
    expect(serializeModel(tinyGraph())).toEqual(serializeModel(tinyGraph()));
  });

  it('round-trips through protobuf: header, dims, attributes, raw data', () => {
    const model = decodeModel(serializeModel(tinyGraph()));
    expect(toNumber(model.ir_version)).toBe(IR_VERSION);
    expect(model.opset_import.map((o) => [o.domain ?? '', toNumber(o.version)])).toEqual([['', OPSET]]);
    expect(model.doc_string).toBe('unit test');
    const { graph } = model;
    expect(graph.input[0]?.name).toBe('x');
    expect(graph.input[0]?.type.tensor_type.shape.dim).toEqual([{ dim_param: 'batch_size' }, { dim_value: 3 }]);
    expect(graph.output[0]?.type.tensor_type.elem_type).toBe(DataType.FLOAT);
    expect(graph.node.map((n) => n.op_type)).toEqual(['MatMul', 'Add', 'LayerNormalization']);
    const ln = graph.node[2]!;
    expect(ln.output).toEqual(['y']);
    const attrs = Object.fromEntries((ln.attribute ?? []).map((a) => [a.name, a]));
    expect(attrs.axis?.type).toBe(AttributeType.INT);
    expect(toNumber(attrs.axis?.i)).toBe(-1);
    expect(attrs.epsilon?.type).toBe(AttributeType.FLOAT);
    expect(attrs.epsilon?.f).toBeCloseTo(1e-5, 10);
    const w = graph.initializer.find((t) => t.name === 'w')!;
    expect(Array.from(readFloatTensor(w).data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readFloatTensor(w).dims).toEqual([3, 2]);
  });

  it('shares constants and rejects duplicate initializers', () => {
    const g = new GraphBuilder('c');
    expect(g.constant([0.5])).toBe(g.constant([0.5]));
    expect(g.constant([1], 'int64')).not.toBe(g.constant([1]));
    g.initializer('w', { dims: [1], data: Float32Array.of(1) });
    expect(() => g.initializer('w', { dims: [1], data: Float32Array.of(2) })).toThrow(/twice/);
    expect(() => g.initializer('v', { dims: [2], data: Float32Array.of(2) })).toThrow(/do not match/);
  });

  it('produces a model ONNX Runtime runs', async () => {
    const session = await ort.InferenceSession.create(serializeModel(tinyGraph()));
    const x = new ort.Tensor('float32', Float32Array.of(1, 0, 0, 0, 1, 1), [2, 3]);
    const y = (await session.run({ x })).y as ort.Tensor;
    expect(y.dims).toEqual([2, 2]);
    // Each row of x·W + b is (smaller, larger); LayerNorm over 2 values gives (−1, +1).
    Array.from(y.data as Float32Array).forEach((v, i) => expect(v).toBeCloseTo(i % 2 ? 1 : -1, 3));
  });
});
