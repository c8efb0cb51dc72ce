import type { SampleName } from './samples';

/*
 * The sample pictures, drawn by code (so they are ours to ship): each is a function from a
 * point (x, y in 0…1, y down) to a colour, sampled 3 × 3 times per pixel to smooth the edges.
 * make-samples.ts writes them to public/samples/*.png.
 */

type Rgb = [number, number, number];
type Paint = (x: number, y: number) => Rgb;

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * Math.max(0, Math.min(1, t))) as Rgb;
const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const inTriangle = (x: number, y: number, [a, b, c]: [number, number][]) => {
  const side = (p: [number, number], q: [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const [s1, s2, s3] = [side(a!, b!), side(b!, c!), side(c!, a!)];
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};

const cat: Paint = (x, y) => {
  const black: Rgb = [20, 16, 24];
  const body = inEllipse(x, y, 0.5, 0.66, 0.16, 0.17);
  const head = inEllipse(x, y, 0.5, 0.42, 0.1, 0.09);
  const ears =
    inTriangle(x, y, [
      [0.41, 0.4],
      [0.44, 0.27],
      [0.5, 0.36],
    ]) ||
    inTriangle(x, y, [
      [0.59, 0.4],
      [0.56, 0.27],
      [0.5, 0.36],
    ]);
  const tail = Math.abs(Math.hypot(x - 0.72, y - 0.7) - 0.1) < 0.018 && x > 0.66 && y < 0.8;
  const hill = y > 0.8 - 0.05 * Math.sin(x * Math.PI);
  if (body || head || ears || tail || hill) return black;
  const sunGlow = Math.max(0, 1 - Math.hypot(x - 0.22, y - 0.72) / 0.25);
  return mix(mix([88, 40, 120], [250, 150, 60], y / 0.8), [255, 230, 150], sunGlow);
};

const sunset: Paint = (x, y) => {
  const horizon = 0.58;
  if (y < horizon) {
    if (Math.hypot(x - 0.5, y - horizon) < 0.17) return [255, 210, 80];
    return mix([30, 40, 110], [255, 200, 90], y / horizon);
  }
  const wave = 0.5 + 0.5 * Math.sin(y * 90 + Math.sin(x * 12) * 2);
  const glint = Math.abs(x - 0.5) < 0.12 * (1 - (y - horizon)) ? 0.5 * wave : 0;
  return mix(mix([40, 90, 170], [10, 30, 80], (y - horizon) / (1 - horizon)), [255, 220, 120], glint);
};

const checkerboard: Paint = (x, y) => {
  const a = (10 * Math.PI) / 180;
  const [u, v] = [(x - 0.5) * Math.cos(a) - (y - 0.5) * Math.sin(a), (x - 0.5) * Math.sin(a) + (y - 0.5) * Math.cos(a)];
  return (Math.floor(u * 8 + 8) + Math.floor(v * 8 + 8)) % 2 === 0 ? [200, 30, 40] : [245, 240, 230];
};

const rings: Paint = (x, y) => {
  const colours: Rgb[] = [
    [40, 150, 70],
    [40, 90, 200],
    [240, 200, 40],
  ];
  return colours[Math.floor(Math.hypot(x - 0.5, y - 0.5) * 14) % 3]!;
};

export const SAMPLE_ART: Record<SampleName, Paint> = { cat, sunset, checkerboard, rings };

/** side × side RGB bytes of one sample. */
export function drawSample(name: SampleName, side: number): Uint8ClampedArray {
  const paint = SAMPLE_ART[name];
  const out = new Uint8ClampedArray(side * side * 3);
  const n = 3;
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / side, (py + (sy + 0.5) / n) / side);
          for (let k = 0; k < 3; k++) sum[k] = sum[k]! + c[k]!;
        }
      }
      for (let k = 0; k < 3; k++) out[(py * side + px) * 3 + k] = Math.round(sum[k]! / (n * n));
    }
  }
  return out;
}

/** CRC-32 (PNG chunk checksums). */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A PNG file (8-bit RGB, no filter) from RGB bytes; `deflate` is zlib's (node:zlib deflateSync in the script). */
export function encodePng(rgb: Uint8ClampedArray, width: number, height: number, deflate: (raw: Uint8Array) => Uint8Array): Uint8Array {
  const raw = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array(4 + data.length);
    body.set(new TextEncoder().encode(type));
    body.set(data, 4);
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(body, 4);
    view.setUint32(8 + data.length, crc32(body));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  const parts = [Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10), chunk('IHDR', ihdr), chunk('IDAT', deflate(raw)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
