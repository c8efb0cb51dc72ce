import { describe, expect, it } from 'vitest';
import {
  bfloat16ToFloat,
  floatToBfloat16,
  floatToHalf,
  halfToFloat,
  legacyName,
  parseSafetensorsHeader,
  readHeaderLength,
  toFloat32,
  writeSafetensors,
} from './index';
import { LimitError } from '../limits';

/** A file written by hand, byte for byte, from the format description. */
function handMade(headerJson: string, data: number[]): Uint8Array {
  const json = new TextEncoder().encode(headerJson);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe('parseSafetensorsHeader', () => {
  it('reads a hand-made file', () => {
    const header = '{"__metadata__":{"format":"pt"},"b":{"dtype":"F16","shape":[2],"data_offsets":[4,8]},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}';
    const file = handMade(header, [0, 0, 0x80, 0x3f, 0x00, 0x3c, 0x00, 0xc0]);
    const parsed = parseSafetensorsHeader(file);
    expect(parsed.headerLength).toBe(header.length);
    expect(parsed.dataStart).toBe(8 + header.length);
    expect(parsed.metadata).toEqual({ format: 'pt' });
    expect(parsed.tensors.get('a')).toEqual({ dtype: 'F32', shape: [1], begin: 0, end: 4 });
    const b = parsed.tensors.get('b');
    expect(b).toEqual({ dtype: 'F16', shape: [2], begin: 4, end: 8 });
    if (!b) return;
    const bytes = file.subarray(parsed.dataStart + b.begin, parsed.dataStart + b.end);
    expect([...toFloat32('F16', bytes)]).toEqual([1, -2]);
  });

  it('needs only the header prefix, not the tensor bytes', () => {
    const file = writeSafetensors([{ name: 'w', dtype: 'F32', shape: [1000], data: new Float32Array(1000) }]);
    const n = readHeaderLength(file.subarray(0, 8));
    expect(parseSafetensorsHeader(file.subarray(0, 8 + n)).tensors.get('w')?.end).toBe(4000);
  });

  it('keeps non-float entries such as I64 position_ids', () => {
    const file = handMade('{"position_ids":{"dtype":"I64","shape":[1,2],"data_offsets":[0,16]}}', new Array(16).fill(0));
    expect(parseSafetensorsHeader(file).tensors.get('position_ids')?.dtype).toBe('I64');
    expect(() => toFloat32('I64', new Uint8Array(16))).toThrow(/only F32, F16, BF16/);
  });

  it('rejects what is not a safetensors file', () => {
    expect(() => readHeaderLength(new Uint8Array(4))).toThrow(/8 bytes/);
    const html = new TextEncoder().encode('<!doctype html><html></html>');
    expect(() => parseSafetensorsHeader(html)).toThrow(/implausibly large|only/);
    expect(() => parseSafetensorsHeader(handMade('{"a":', []))).toThrow(/not valid UTF-8 JSON/);
    expect(() => parseSafetensorsHeader(handMade('{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}', [0, 0, 0, 0])))
      .toThrow(/needs 8/);
    expect(() => parseSafetensorsHeader(handMade('{"a":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}}', [0])))
      .toThrow(/unknown dtype/);
    const overlap = '{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[2,6]}}';
    expect(() => parseSafetensorsHeader(handMade(overlap, new Array(6).fill(0)))).toThrow(/overlap/);
  });

  it('refuses absurd shapes by name before multiplying them out, and an absurd header length', () => {
    const huge = '{"w":{"dtype":"F32","shape":[1000000000,1000000000],"data_offsets":[0,4]}}';
    expect(() => parseSafetensorsHeader(handMade(huge, [0, 0, 0, 0]))).toThrow(LimitError);
    expect(() => parseSafetensorsHeader(handMade(huge, [0, 0, 0, 0]))).toThrow(/tensor w \[1000000000, 1000000000\].*2,147 MB/);
    const deep = `{"w":{"dtype":"F32","shape":[${new Array(9).fill(1).join(',')}],"data_offsets":[0,4]}}`;
    expect(() => parseSafetensorsHeader(handMade(deep, [0, 0, 0, 0]))).toThrow(/9 dimensions, more than 8/);
    const length = new Uint8Array(8);
    new DataView(length.buffer).setBigUint64(0, 2n ** 60n, true);
    expect(() => readHeaderLength(length)).toThrow(LimitError);
  });
});

describe('writeSafetensors', () => {
  it('round-trips F32, F16 and BF16 with an 8-aligned data block', () => {
    const values = [0, 1, -2.5, 0.1, 65504, 1e-6];
    const file = writeSafetensors(
      [
        { name: 'f32', dtype: 'F32', shape: [2, 3], data: new Float32Array(values) },
        { name: 'f16', dtype: 'F16', shape: [6], data: values },
        { name: 'bf16', dtype: 'BF16', shape: [3, 2], data: values },
      ],
      { format: 'pt' },
    );
    const header = parseSafetensorsHeader(file);
    expect(header.dataStart % 8).toBe(0);
    expect(header.metadata).toEqual({ format: 'pt' });
    const read = (name: string) => {
      const e = header.tensors.get(name);
      if (!e) throw new Error(name);
      return [...toFloat32(e.dtype, file.subarray(header.dataStart + e.begin, header.dataStart + e.end))];
    };
    expect(read('f32')).toEqual([...new Float32Array(values)]);
    read('f16').forEach((v, i) => expect(v).toBeCloseTo(values[i] ?? NaN, 3));
    read('bf16').forEach((v, i) => expect(Math.abs(v - (values[i] ?? NaN))).toBeLessThanOrEqual(Math.abs(values[i] ?? 0) / 128));
    expect(file.length).toBe(header.dataStart + 6 * 4 + 6 * 2 + 6 * 2);
  });

  it('is deterministic and checks sizes', () => {
    const t = [{ name: 'x', dtype: 'F32' as const, shape: [2], data: [1, 2] }];
    expect(writeSafetensors(t)).toEqual(writeSafetensors(t));
    expect(() => writeSafetensors([{ name: 'x', dtype: 'F32', shape: [3], data: [1, 2] }])).toThrow(/needs 12/);
    expect(() => writeSafetensors([...t, ...t])).toThrow(/duplicate/);
  });
});

describe('16-bit floats', () => {
  it('converts known binary16 patterns', () => {
    const cases: [number, number][] = [
      [0x3c00, 1], [0xc000, -2], [0x7bff, 65504], [0x0001, 2 ** -24], [0x0400, 2 ** -14], [0x3555, 0.333251953125],
      [0x7c00, Infinity], [0xfc00, -Infinity],
    ];
    for (const [bits, value] of cases) {
      expect(halfToFloat(bits)).toBe(value);
      expect(floatToHalf(value)).toBe(bits);
    }
    expect(halfToFloat(0x7e00)).toBeNaN();
    expect(floatToHalf(1e6)).toBe(0x7c00);
    expect(floatToHalf(2 ** -26)).toBe(0); // below half the smallest subnormal
    // Ties round to even: 1 + 2^-11 is halfway between 1 and the next half.
    expect(floatToHalf(1 + 2 ** -11)).toBe(0x3c00);
    expect(floatToHalf(1 + 3 * 2 ** -11)).toBe(0x3c02);
  });

  it('converts bfloat16 by truncating the float32 pattern, rounding to even', () => {
    expect(bfloat16ToFloat(0x3f80)).toBe(1);
    expect(bfloat16ToFloat(0xc0a0)).toBe(-5);
    expect(floatToBfloat16(1)).toBe(0x3f80);
    expect(floatToBfloat16(1 + 2 ** -8)).toBe(0x3f80); // tie -> even
    expect(floatToBfloat16(1 + 3 * 2 ** -8)).toBe(0x3f82);
  });

  it('widens unaligned byte ranges', () => {
    const buf = new Uint8Array(9);
    new DataView(buf.buffer).setFloat32(1, 3.5, true);
    new DataView(buf.buffer).setFloat32(5, -1, true);
    expect([...toFloat32('F32', buf.subarray(1))]).toEqual([3.5, -1]);
  });
});

describe('legacyName', () => {
  it('maps TensorFlow-era LayerNorm names', () => {
    expect(legacyName('bert.embeddings.LayerNorm.gamma')).toBe('bert.embeddings.LayerNorm.weight');
    expect(legacyName('cls.predictions.transform.LayerNorm.beta')).toBe('cls.predictions.transform.LayerNorm.bias');
    expect(legacyName('bert.pooler.dense.weight')).toBe('bert.pooler.dense.weight');
    expect(legacyName('gamma.beta')).toBe('gamma.beta');
  });
});
