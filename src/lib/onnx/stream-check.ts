/*
 * [1] An .onnx file is one protobuf message, ModelProto. Its top level is a run of fields, each a
 *     tag (varint: field number · 8 + wire type) followed by a varint, 4 or 8 fixed bytes, or a
 *     length (varint) and that many bytes: the graph (field 7), with every weight inside it, is one
 *     such length-delimited field. Walking the tags and lengths, never the payloads, tells whether
 *     the bytes hold a whole message: a file cut short ends inside a field. It costs nothing while
 *     the file streams in, and catches the damage before ONNX Runtime sees it: ONNX Runtime's
 *     "protobuf parsing failed" leaves transformers.js unable to open any later model (#1767).
 */

const GRAPH = 7;
const IR_VERSION = 1;
/** A protobuf message, and so any field of it, is at most 2 GiB. */
const MAX_FIELD = 2 ** 31;

/** Why bytes are not a whole ONNX model, in words for a person. */
export class OnnxShapeError extends Error {
  override name = 'OnnxShapeError';
}

type Phase = 'tag' | 'length' | 'varint';

/** Checks an ONNX file's top-level protobuf structure chunk by chunk; `finish()` when the bytes end. */
export class OnnxStreamCheck {
  private phase: Phase = 'tag';
  private skip = 0;
  private value = 0;
  private shift = 0;
  private offset = 0;
  private readonly fields = new Set<number>();

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        this.offset += n;
        continue;
      }
      const byte = chunk[i++]!;
      this.offset++;
      this.value += (byte & 0x7f) * 2 ** (7 * this.shift);
      this.shift++;
      if (byte & 0x80) {
        if (this.shift >= 10) throw new OnnxShapeError(`it is not an ONNX model (a malformed number at byte ${this.offset})`);
        continue;
      }
      const value = this.value;
      this.value = 0;
      this.shift = 0;
      this.step(value);
    }
  }

  private step(value: number): void {
    if (this.phase === 'length') {
      if (value > MAX_FIELD) throw new OnnxShapeError(`it is not an ONNX model (a field of ${value} bytes)`);
      this.skip = value;
      this.phase = 'tag';
      return;
    }
    if (this.phase === 'varint') {
      this.phase = 'tag';
      return;
    }
    const field = Math.floor(value / 8);
    const wire = value % 8;
    if (field === 0) throw new OnnxShapeError(`it is not an ONNX model (field 0 at byte ${this.offset})`);
    this.fields.add(field);
    if (wire === 0) this.phase = 'varint';
    else if (wire === 1) this.skip = 8;
    else if (wire === 5) this.skip = 4;
    else if (wire === 2) this.phase = 'length';
    else throw new OnnxShapeError(`it is not an ONNX model (wire type ${wire} at byte ${this.offset})`);
  }

  /** Throws unless the bytes ended between fields and held an IR version and a graph. */
  finish(): void {
    if (this.skip > 0) throw new OnnxShapeError(`it ends ${this.skip.toLocaleString('en-US')} bytes short of its last part (the file was cut at ${this.offset.toLocaleString('en-US')} bytes)`);
    if (this.phase !== 'tag' || this.shift > 0) throw new OnnxShapeError(`it ends in the middle of a field (at ${this.offset.toLocaleString('en-US')} bytes)`);
    if (!this.fields.has(IR_VERSION) || !this.fields.has(GRAPH)) throw new OnnxShapeError('it has no graph (not an ONNX model)');
  }
}

/** The whole check on bytes already in memory. */
export function checkOnnxBytes(bytes: Uint8Array): void {
  const check = new OnnxStreamCheck();
  check.push(bytes);
  check.finish();
}
