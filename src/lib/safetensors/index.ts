/*
 * Pure TypeScript safetensors reader/writer (browser and Node): the fixture
 * builder writes checkpoints with it, and the in-browser checkpoint loader
 * reads real Hub checkpoints with it, header first, tensors by HTTP Range.
 */
export {
  SAFETENSORS_DTYPES,
  BYTES_PER_ELEMENT,
  MAX_HEADER_LENGTH,
  isSafetensorsDtype,
  type SafetensorsDtype,
  type FloatDtype,
  type SafetensorsEntry,
  type SafetensorsHeader,
} from './format';
export { readHeaderLength, parseSafetensorsHeader } from './parse';
export { toFloat32, fromFloat32, legacyName } from './convert';
export { writeSafetensors, type SafetensorsInput } from './write';
export { halfToFloat, floatToHalf, bfloat16ToFloat, floatToBfloat16 } from './half';
