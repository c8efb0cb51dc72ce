import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * The sources that decide the bytes of a graph the page builds from a checkpoint: the graph
 * builders and quantizers (src/lib/onnx, src/lib/safetensors), the checkpoint loader
 * (src/worker/checkpoint) and each hat's head or recipe. The app keeps the graphs it built in the
 * Cache API; their key carries this hash (src/worker/checkpoint/built-model.ts), so a build of the
 * app whose builders differ builds again rather than opening a graph an older builder made.
 */
const DIRS = ['src/lib/onnx', 'src/lib/safetensors', 'src/worker/checkpoint'];
const HAT_FILES = /^src\/hats\/[\w-]+\/(head|checkpoint)\.ts$/;

export function graphBuilderSources(root: string): string[] {
  const list = (dir: string) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .map((f) => `${dir}/${f.split(path.sep).join('/')}`)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const hats = list('src/hats').filter((f) => HAT_FILES.test(f));
  return [...DIRS.flatMap(list), ...hats].sort();
}

/** Twelve hex digits of SHA-256 over the builder sources' paths and contents. */
export function graphBuildersHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of graphBuilderSources(root)) hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  return hash.digest('hex').slice(0, 12);
}
