import { hashSources, sourcesUnder } from './source-hash.ts';

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
  const hats = sourcesUnder(root, 'src/hats').filter((f) => HAT_FILES.test(f));
  return [...DIRS.flatMap((dir) => sourcesUnder(root, dir)), ...hats].sort();
}

/** Twelve hex digits of SHA-256 over the builder sources' paths and contents. */
export function graphBuildersHash(root: string): string {
  return hashSources(root, graphBuilderSources(root)).slice(0, 12);
}
