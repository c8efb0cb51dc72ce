import { formatBytes, MB } from '@/lib/format';
import type { OwnImage } from './params';
import { KEEP_SIDE } from './samples';

/*
 * Turning whatever the person drops, pastes or chooses into a square RGB picture, in the page
 * (it never leaves the browser). Bad input is refused with a message; the pure checks are
 * separate from the browser's decoding so they can be tested.
 */

export const MAX_FILE_BYTES = 20 * MB;
export const MAX_SIDE = 8000;
export const MIN_SIDE = 16;
/** Wider than this, a centred square keeps too little of the picture to be worth it. */
export const MAX_ASPECT = 8;

/** Before decoding: refuse what is clearly not a picture, or too big to hold. */
export function checkFile(file: { name: string; size: number; type: string }): string | null {
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_FILE_BYTES) return `“${file.name}” is ${formatBytes(file.size)}; pictures up to ${formatBytes(MAX_FILE_BYTES)} can be used.`;
  if (file.type && !file.type.startsWith('image/')) return `“${file.name}” is not a picture (it is ${file.type}). Use a PNG, JPEG, WebP, GIF, BMP or AVIF image.`;
  return null;
}

export type Crop = { sx: number; sy: number; side: number; note?: string } | { error: string };

/** [1] The models read square pictures: keep the centred square, and say so when that cuts anything off. */
export function squareCrop(width: number, height: number, name: string): Crop {
  if (width > MAX_SIDE || height > MAX_SIDE) return { error: `“${name}” is ${width} × ${height} pixels; pictures up to ${MAX_SIDE} pixels a side can be used.` };
  if (Math.min(width, height) < MIN_SIDE) return { error: `“${name}” is only ${width} × ${height} pixels; it needs at least ${MIN_SIDE} a side.` };
  const ratio = Math.max(width, height) / Math.min(width, height);
  if (ratio > MAX_ASPECT) return { error: `“${name}” is ${width} × ${height}, a strip ${ratio.toFixed(0)} times longer than it is wide; a square cut from it would lose most of the picture.` };
  const side = Math.min(width, height);
  const crop = { sx: Math.floor((width - side) / 2), sy: Math.floor((height - side) / 2), side };
  return ratio > 1.02 ? { ...crop, note: `The picture is ${width} × ${height}; the model reads squares, so the centred ${side} × ${side} square was kept.` } : crop;
}

/** [2] RGBA → RGB: transparent parts are laid on white; a grey picture gets its grey in all three channels already. */
export function flattenRgba(rgba: Uint8ClampedArray, pixels: number): { rgb: Uint8ClampedArray; notes: string[] } {
  const rgb = new Uint8ClampedArray(pixels * 3);
  let transparent = false;
  let grey = true;
  for (let i = 0; i < pixels; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    if (a < 1) transparent = true;
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(rgba[i * 4 + c]! * a + 255 * (1 - a));
    if (rgba[i * 4] !== rgba[i * 4 + 1] || rgba[i * 4] !== rgba[i * 4 + 2]) grey = false;
  }
  const notes: string[] = [];
  if (transparent) notes.push('Its transparent parts were laid on white.');
  if (grey) notes.push('It is a greyscale picture: each grey was copied into red, green and blue.');
  return { rgb, notes };
}

/** Decodes, crops and shrinks a file to KEEP_SIDE² RGB; rejects with a message the page shows as it is. */
export async function readImageFile(file: File): Promise<OwnImage> {
  const refused = checkFile(file);
  if (refused) throw new Error(refused);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`“${file.name}” could not be read as a picture. Use a PNG, JPEG, WebP, GIF, BMP or AVIF image.`);
  }
  try {
    const crop = squareCrop(bitmap.width, bitmap.height, file.name);
    if ('error' in crop) throw new Error(crop.error);
    const side = Math.min(KEEP_SIDE, crop.side);
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = side;
    const g = canvas.getContext('2d', { willReadFrequently: true });
    if (!g) throw new Error('This browser gave no 2D canvas to read the picture with.');
    g.imageSmoothingQuality = 'high';
    g.drawImage(bitmap, crop.sx, crop.sy, crop.side, crop.side, 0, 0, side, side);
    const { rgb, notes } = flattenRgba(g.getImageData(0, 0, side, side).data, side * side);
    return { name: file.name, side, rgb, notes: [...(crop.note ? [crop.note] : []), ...notes] };
  } finally {
    bitmap.close();
  }
}
