/*
 * 16-bit float conversions. Checkpoints on the Hub are often stored as F16 or
 * BF16; ONNX Runtime here wants float32, so the loader widens them.
 *
 * [1] IEEE 754 binary16: 1 sign bit, 5 exponent bits (bias 15), 10 mantissa
 *     bits. Exponent 0 means subnormal (no implicit leading 1), 31 means
 *     infinity (mantissa 0) or NaN.
 * [2] bfloat16 is the top half of a float32 (same 8-bit exponent), so widening
 *     is a 16-bit shift. Narrowing rounds to nearest, ties to even.
 */

const scratch = new DataView(new ArrayBuffer(4));

/** [1] binary16 bits -> number. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** [2] bfloat16 bits -> number. */
export function bfloat16ToFloat(bits: number): number {
  scratch.setUint32(0, (bits & 0xffff) << 16);
  return scratch.getFloat32(0);
}

/** number -> binary16 bits, round to nearest even; overflow gives infinity. */
export function floatToHalf(value: number): number {
  scratch.setFloat32(0, value);
  const f = scratch.getUint32(0);
  const sign = (f >>> 16) & 0x8000;
  const exponent = (f >>> 23) & 0xff;
  let mantissa = f & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const e = exponent - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal half (or zero): shift the mantissa, with its implicit 1, into place.
    if (e < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - e;
    const half = mantissa >> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    const roundUp = rest > midpoint || (rest === midpoint && (half & 1) === 1);
    return sign | (half + (roundUp ? 1 : 0));
  }
  const half = (e << 10) | (mantissa >> 13);
  const rest = mantissa & 0x1fff;
  const roundUp = rest > 0x1000 || (rest === 0x1000 && (half & 1) === 1);
  // A carry out of the mantissa correctly bumps the exponent (up to infinity).
  return sign | (half + (roundUp ? 1 : 0));
}

/** [2] number -> bfloat16 bits, round to nearest even. */
export function floatToBfloat16(value: number): number {
  scratch.setFloat32(0, value);
  const f = scratch.getUint32(0);
  if ((f & 0x7f800000) === 0x7f800000 && (f & 0x7fffff) !== 0) return ((f >>> 16) | 0x40) & 0xffff;
  const lsb = (f >>> 16) & 1;
  return ((f + 0x7fff + lsb) >>> 16) & 0xffff;
}
