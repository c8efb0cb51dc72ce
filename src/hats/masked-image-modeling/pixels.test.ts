import { describe, expect, it } from 'vitest';
import { checkFile, flattenRgba, squareCrop } from './intake';
import { compose, denormalizePatches, normalize, patchStats, predictionImage, resizeSquare } from './pixels';
import { drawSample, encodePng } from './sample-art';

const solid = (side: number, c: number[]) => Uint8ClampedArray.from({ length: side * side * 3 }, (_, i) => c[i % 3]!);

describe('pixels', () => {
  it('resizes: a solid picture stays solid, 2 × 2 boxes average, bilinear enlarges', () => {
    expect(resizeSquare(solid(224, [10, 200, 30]), 224, 32)).toEqual(solid(32, [10, 200, 30]));
    const four = Uint8ClampedArray.from([0, 0, 0, 100, 100, 100, 200, 200, 200, 40, 40, 40]);
    expect(Array.from(resizeSquare(four, 2, 1))).toEqual([85, 85, 85]);
    expect(resizeSquare(four, 2, 4).length).toBe(48);
  });

  it('normalises channel-first with the processor’s mean and std', () => {
    const x = normalize(Uint8ClampedArray.from([255, 0, 51]), 1, [0.5, 0.5, 0.2], [0.5, 0.25, 0.2]);
    expect(Array.from(x)).toEqual([1, -2, 0].map((v) => expect.closeTo(v, 6)));
  });

  it('unpatchify is patchify’s inverse: normalised pixels in patch order come back as the picture', () => {
    const [grid, p, size] = [2, 2, 4];
    const rgb = Uint8ClampedArray.from({ length: size * size * 3 }, (_, i) => (i * 37) % 256);
    const mean: [number, number, number] = [0.4, 0.5, 0.6];
    const std: [number, number, number] = [0.2, 0.3, 0.25];
    const chw = normalize(rgb, size, mean, std);
    // HF patchify: patch (pr, pc), then row py, column px, channel c.
    const logits = new Float32Array(grid * grid * p * p * 3);
    let k = 0;
    for (let pr = 0; pr < grid; pr++) for (let pc = 0; pc < grid; pc++) for (let py = 0; py < p; py++) for (let px = 0; px < p; px++) for (let c = 0; c < 3; c++) logits[k++] = chw[c * 16 + (pr * p + py) * size + pc * p + px]!;
    expect(Array.from(predictionImage(logits, grid, p, mean, std)).map((v, i) => Math.abs(v - rgb[i]!))).toEqual(Array(48).fill(0));
    // norm_pix: a prediction of all zeros comes back as each patch's own mean.
    const back = denormalizePatches(new Float32Array(logits.length), chw, grid, p, size);
    expect(back[0]).toBeCloseTo(logits.slice(0, 12).reduce((a, b) => a + b, 0) / 12, 5);
  });

  it('pastes predictions into the hidden patches only, and measures them', () => {
    const original = solid(4, [255, 0, 0]);
    const prediction = solid(4, [0, 0, 255]);
    const recon = compose(original, prediction, [3], 2, 2);
    expect(Array.from(recon.subarray(0, 3))).toEqual([255, 0, 0]);
    expect(Array.from(recon.subarray((3 * 4 + 3) * 3, (3 * 4 + 3) * 3 + 3))).toEqual([0, 0, 255]);
    const s = patchStats(original, recon, [3], 2, 2);
    expect(s.rows).toEqual([{ index: 3, row: 1, col: 1, predicted: [0, 0, 1], actual: [1, 0, 0], mse: 2 / 3 }]);
    expect(s.visibleMean).toEqual([1, 0, 0]);
    expect(patchStats(original, recon, [], 2, 2).mse).toBeNull();
  });
});

describe('taking a person’s picture', () => {
  it('refuses files that are empty, huge or not pictures', () => {
    expect(checkFile({ name: 'a.png', size: 10, type: 'image/png' })).toBeNull();
    expect(checkFile({ name: 'a.png', size: 0, type: 'image/png' })).toMatch(/empty/);
    expect(checkFile({ name: 'big.jpg', size: 30e6, type: 'image/jpeg' })).toMatch(/30\.0 MB; pictures up to 20\.0 MB/);
    expect(checkFile({ name: 'notes.txt', size: 10, type: 'text/plain' })).toMatch(/not a picture/);
  });

  it('keeps the centred square and says so; refuses strips, giants and crumbs', () => {
    expect(squareCrop(300, 300, 'a')).toEqual({ sx: 0, sy: 0, side: 300 });
    expect(squareCrop(640, 360, 'a')).toEqual({ sx: 140, sy: 0, side: 360, note: expect.stringMatching(/640 × 360.*centred 360 × 360/) });
    expect(squareCrop(9000, 9000, 'a')).toEqual({ error: expect.stringMatching(/up to 8000/) });
    expect(squareCrop(900, 100, 'a')).toEqual({ error: expect.stringMatching(/strip/) });
    expect(squareCrop(10, 10, 'a')).toEqual({ error: expect.stringMatching(/at least 16/) });
  });

  it('lays transparency on white and notices grey pictures', () => {
    const rgba = Uint8ClampedArray.from([0, 0, 0, 0, 10, 10, 10, 255]);
    const { rgb, notes } = flattenRgba(rgba, 2);
    expect(Array.from(rgb)).toEqual([255, 255, 255, 10, 10, 10]);
    expect(notes).toEqual([expect.stringMatching(/transparent/), expect.stringMatching(/greyscale/)]);
    expect(flattenRgba(Uint8ClampedArray.from([200, 10, 10, 255]), 1).notes).toEqual([]);
  });
});

describe('sample art', () => {
  it('is drawn the same way every time and encodes as a PNG', () => {
    const a = drawSample('checkerboard', 16);
    expect(drawSample('checkerboard', 16)).toEqual(a);
    const png = encodePng(a, 16, 16, (raw) => raw);
    expect(Array.from(png.subarray(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });
});
