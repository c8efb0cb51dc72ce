/*
 * Writes the sample pictures to public/samples/<name>.png (224 × 224), drawn by sample-art.ts.
 * Run with: npx tsx src/hats/masked-image-modeling/make-samples.ts
 * Node modules are imported by a computed name so the app's (browser) type check never sees them.
 */
import { drawSample, encodePng } from './sample-art';
import { KEEP_SIDE, SAMPLES } from './samples';

const nodeImport = <T>(specifier: string): Promise<T> => import(/* @vite-ignore */ specifier) as Promise<T>;

async function main() {
  const zlib = await nodeImport<{ deflateSync(b: Uint8Array, o: { level: number }): Uint8Array }>('node:zlib');
  const fs = await nodeImport<{ mkdir(p: string, o: { recursive: boolean }): Promise<unknown>; writeFile(p: string, b: Uint8Array): Promise<void> }>('node:fs/promises');
  const dir = new URL('../../../public/samples/', import.meta.url).pathname;
  await fs.mkdir(dir, { recursive: true });
  for (const s of SAMPLES) {
    const png = encodePng(drawSample(s.name, KEEP_SIDE), KEEP_SIDE, KEEP_SIDE, (raw) => zlib.deflateSync(raw, { level: 9 }));
    await fs.writeFile(`${dir}${s.name}.png`, png);
    console.log(`${s.name}.png: ${png.length} bytes`);
  }
}

void main();
