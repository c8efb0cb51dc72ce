/**
 * `npm run pack -- [--dtype q8] [--weights auto] [--host URL] [--out DIR] <model ids…>`
 *
 * Downloads models from a Hub-shaped host into a folder laid out like the Hub
 * (`<out>/<org>/<name>/resolve/main/<file>`), so any static server can serve it as a model host.
 * The default `public/models` ends up in the built app as `<app>/models/`; point the app's model
 * host setting at `https://<school server>/<app path>/models`.
 *
 * Everything is downloaded into a temporary folder next to `<out>` first and moved into place only
 * when every file of every model arrived with the right size: a failure leaves `<out>` untouched.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { env, ModelRegistry } from '@huggingface/transformers';
import { DTYPES, type Dtype } from '../../src/engine/protocol.ts';
import { downloadFile } from './download.ts';
import { checkModelId, listFiles, PackError, REVISION, trimHost } from './hub-api.ts';
import { selectFiles, WEIGHTS, type DtypeChoice, type Selection, type Weights } from './select.ts';

export { PackError } from './hub-api.ts';

/** One line a person can act on, for any failure: never a stack trace. */
export function plainCause(error: unknown): string {
  if (error instanceof PackError) return error.message;
  if (error instanceof SyntaxError && /token '<'|<!doctype|<html/i.test(error.message)) return 'the host sent a web page (HTML) where a JSON file was expected';
  if (error instanceof SyntaxError) return `the host sent a file that is not valid JSON (${error.message.split('\n')[0]})`;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) {
    const cause = error.cause as { code?: string; message?: string; hostname?: string } | undefined;
    return `the connection failed (${[cause?.code, cause?.message].filter(Boolean).join(': ') || 'no answer'})`;
  }
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

export const DEFAULT_HOST = 'https://huggingface.co';
export const DEFAULT_OUT = 'public/models';
/** Written next to the models: what is in the pack, for people and for the app. */
export const MANIFEST = 'hat-wardrobe-pack.json';

export interface PackOptions {
  models: string[];
  host?: string;
  out?: string;
  dtypes?: DtypeChoice[];
  weights?: Weights;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface PackedModel {
  id: string;
  dtypes: Dtype[];
  weights: Selection['weights'];
  files: { path: string; size: number }[];
  bytes: number;
}

export interface PackSummary {
  out: string;
  models: PackedModel[];
  files: number;
  bytes: number;
}

interface Manifest {
  revision: string;
  models: Record<string, Omit<PackedModel, 'id'> & { host: string }>;
}

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let v = bytes / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}

/*
 * [1] transformers.js decides which ONNX files a model type needs; it reads config.json over HTTP
 *     from env.remoteHost. In Node it would also cache files on disk and look in a local models
 *     folder first: both are turned off so the pack sees only the host it was given.
 */
function filesFor(host: string, model: string) {
  env.remoteHost = `${trimHost(host)}/`;
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useFSCache = false;
  return (dtype: Dtype) => ModelRegistry.get_files(model, { dtype, device: 'wasm' });
}

export async function pack(options: PackOptions): Promise<PackSummary> {
  const host = trimHost(options.host ?? DEFAULT_HOST);
  const out = path.resolve(options.out ?? DEFAULT_OUT);
  const fetchFn = options.fetch ?? fetch;
  const log = options.log ?? (() => undefined);
  const models = [...new Set(options.models)];
  if (models.length === 0) throw new PackError('Name at least one model id, e.g. npm run pack -- Xenova/bert-base-uncased');

  // Every id is checked before anything is downloaded, and every bad one is named at once.
  const plans: { id: string; selection: Selection }[] = [];
  const problems: string[] = [];
  for (const id of models) {
    try {
      checkModelId(id);
      const listing = await listFiles(host, id, fetchFn);
      const selection = await selectFiles(id, listing, { dtypes: options.dtypes ?? ['auto'], weights: options.weights ?? 'auto' }, filesFor(host, id));
      plans.push({ id, selection });
    } catch (error) {
      problems.push(error instanceof PackError ? error.message : `“${id}”: ${plainCause(error)}`);
    }
  }
  if (problems.length > 0) throw new PackError(problems.join('\n'));

  const tmp = path.join(path.dirname(out), `.${path.basename(out)}-pack-${randomBytes(4).toString('hex')}`);
  try {
    const packed: PackedModel[] = [];
    for (const { id, selection } of plans) {
      log(`${id} (${[...selection.dtypes, ...selection.weights.filter((w) => w === 'safetensors')].join(', ')})`);
      for (const file of selection.files) {
        await downloadFile(host, id, file, path.join(tmp, id, 'resolve', REVISION, file.path), fetchFn).catch((error: unknown) => {
          throw error instanceof PackError ? error : new PackError(`${file.path} of “${id}”: ${plainCause(error)}`);
        });
        log(`  ${file.path.padEnd(40)} ${formatSize(file.size).padStart(9)}`);
      }
      const files = selection.files.map(({ path: p, size }) => ({ path: p, size }));
      packed.push({ id, dtypes: selection.dtypes, weights: selection.weights, files, bytes: files.reduce((n, f) => n + f.size, 0) });
    }
    // [2] Only now does <out> change: one rename per file, each atomic on the same file system.
    for (const model of packed) {
      for (const file of model.files) {
        const dest = path.join(out, model.id, 'resolve', REVISION, file.path);
        await mkdir(path.dirname(dest), { recursive: true });
        await rename(path.join(tmp, model.id, 'resolve', REVISION, file.path), dest);
      }
    }
    await writeManifest(out, tmp, host, packed);
    return { out, models: packed, files: packed.reduce((n, m) => n + m.files.length, 0), bytes: packed.reduce((n, m) => n + m.bytes, 0) };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Adds the packed models to `<out>/hat-wardrobe-pack.json`, keeping the ones packed before. */
async function writeManifest(out: string, tmp: string, host: string, packed: PackedModel[]): Promise<void> {
  const file = path.join(out, MANIFEST);
  let manifest: Manifest = { revision: REVISION, models: {} };
  try {
    const old = JSON.parse(await readFile(file, 'utf8')) as Partial<Manifest>;
    if (old.models && typeof old.models === 'object') manifest = { revision: REVISION, models: old.models };
  } catch {
    // No manifest yet (or an unreadable one): start a new one.
  }
  for (const { id, ...rest } of packed) manifest.models[id] = { ...rest, host };
  const staged = path.join(tmp, MANIFEST);
  await writeFile(staged, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(staged, file);
}

const USAGE = `usage: npm run pack -- [options] <org/name> [<org/name>…]

  --dtype <d>     ONNX dtype(s) to pack: auto (what the app picks on WebAssembly), ${DTYPES.join(', ')}.
                  Repeat or separate with commas for several. Default: auto.
  --weights <w>   ${WEIGHTS.join(' | ')}: ONNX files, the checkpoint (model.safetensors) the
                  checkpoint hats read, or both. Default: auto (ONNX when the model has it, else safetensors).
  --host <url>    Hub-shaped host to download from. Default: ${DEFAULT_HOST}
  --out <dir>     Folder to write, laid out like the Hub. Default: ${DEFAULT_OUT}
                  (copied into the built app as models/).`;

export function parseCli(argv: string[]): PackOptions & { help: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dtype: { type: 'string', multiple: true },
      weights: { type: 'string', default: 'auto' },
      host: { type: 'string', default: DEFAULT_HOST },
      out: { type: 'string', default: DEFAULT_OUT },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const dtypes = (values.dtype ?? ['auto']).flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean);
  for (const d of dtypes) {
    if (d !== 'auto' && !(DTYPES as readonly string[]).includes(d)) throw new PackError(`--dtype ${d} is not one of auto, ${DTYPES.join(', ')}.`);
  }
  if (!(WEIGHTS as readonly string[]).includes(values.weights)) throw new PackError(`--weights ${values.weights} is not one of ${WEIGHTS.join(', ')}.`);
  if (!/^https?:\/\//.test(values.host)) throw new PackError(`--host ${values.host} must be an http:// or https:// address.`);
  return {
    models: positionals,
    host: values.host,
    out: values.out,
    dtypes: dtypes as DtypeChoice[],
    weights: values.weights as Weights,
    help: values.help,
  };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(`pack: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help || options.models.length === 0) {
    console.log(USAGE);
    return options.help ? 0 : 2;
  }
  try {
    const summary = await pack({ ...options, log: (line) => console.log(line) });
    console.log(`\nPacked ${summary.models.length} model(s): ${summary.files} files, ${formatSize(summary.bytes)} (${summary.bytes} bytes) into ${summary.out}`);
    console.log('Serve that folder (Range requests on) and set the app\'s model host to its URL, e.g. https://school.example/hat-wardrobe/models');
    return 0;
  } catch (error) {
    console.error(`pack: nothing was written.\n${plainCause(error)}`);
    return 1;
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`pack: ${plainCause(error)}`);
      process.exit(1);
    },
  );
}
