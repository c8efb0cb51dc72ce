import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Locator } from '@playwright/test';

/*
 * Saving a chart (src/components/charts/ChartExport.tsx): both files as the browser downloads them,
 * the PNG's size read from its header and its pixels counted in the page, the CSV parsed.
 */

export interface SavedChart {
  /** The PNG's size in pixels (its IHDR chunk) and how many colours its pixels hold. */
  png: { width: number; height: number; colours: number };
  /** The drawing's size in SVG units (its viewBox): the PNG is drawn at twice that. */
  drawing: { width: number; height: number };
  /** The CSV's rows, header first. */
  csv: string[][];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Presses `chart`'s PNG and CSV buttons (`name` is the chart's name in their labels) and reads both files. */
export async function saveChart(chart: Locator, name: string): Promise<SavedChart> {
  const page = chart.page();
  const drawing = await chart.locator('svg').first().evaluate((svg) => {
    const box = (svg as SVGSVGElement).viewBox.baseVal;
    return { width: box.width, height: box.height };
  });
  const pngDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: `Save ${name} as PNG` }).click();
  const png = await readFile((await (await pngDownload).path())!);
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`The saved ${name} is not a PNG.`);
  // Decoded in the page, as any image viewer would: how many colours do its pixels hold?
  const colours = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add(((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!) >>> 0);
    return seen.size;
  }, png.toString('base64'));

  const csvDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: `Save the numbers of ${name} as CSV` }).click();
  const text = await readFile((await (await csvDownload).path())!, 'utf8');
  const csv = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return { png: { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colours }, drawing, csv };
}
