import { pythonModel } from './pytorch-sources';

/** A string literal that both Python and JavaScript read back as the same text. */
export function literal(text: string): string {
  return JSON.stringify(text);
}

/**
 * The start of a Python snippet: where the weights come from, and `model_id = …`. Null when no
 * repo with PyTorch weights is known for this model: the caller shows `comment` alone.
 */
export function pythonModelLines(modelId: string): { lines: string; id: string } | { lines: null; comment: string } {
  const m = pythonModel(modelId);
  if (m.id === null) return { lines: null, comment: m.comment };
  return { lines: `${m.comment}model_id = ${literal(m.id)}`, id: m.id };
}

/** A Python snippet built on `model_id`, or the plain sentence that there is none for this model. */
export function pythonSnippetFor(modelId: string, body: (header: string) => string): string {
  const header = pythonModelLines(modelId);
  return header.lines === null ? header.comment : body(header.lines);
}

/** The panel's note under "Reproduce it": which weights Python loads when they are not the page's own. */
export function pythonNote(modelId: string, dtype?: string): string | undefined {
  const m = pythonModel(modelId);
  if (m.id === null || m.id === modelId) return undefined;
  return `Python loads the original PyTorch weights (${m.id}); the page runs their ${dtype ?? ''} ONNX export (${modelId}), so the last digits may differ.`.replace('  ', ' ');
}

/**
 * `const device = …`: the device the page ran on. [1] transformers.js in Node has no 'wasm'
 * device (its WebAssembly runtime is the browser's), so a page that ran on WebAssembly gives a
 * snippet that picks 'cpu' under Node and 'wasm' in a browser: the same weights either way.
 */
export function jsDevice(device: string): string {
  if (device !== 'wasm') return `const device = ${literal(device)};`;
  return `// The page ran on WebAssembly ('wasm'); Node's transformers.js runs on 'cpu' instead.
const device = typeof document === 'undefined' ? 'cpu' : 'wasm';`;
}

/** from_pretrained's options, exactly as the page passes them (device comes from jsDevice). */
export function jsOptions(dtype: string, extra: Record<string, string> = {}): string {
  const more = Object.entries(extra).map(([k, v]) => `, ${k}: ${literal(v)}`);
  return `{ dtype: ${literal(dtype)}, device${more.join('')} }`;
}

/**
 * The JavaScript tab of a hat transformers.js has no class for: one plain statement of that, and
 * what a person can do instead. (The page builds these graphs with its own code; a snippet that
 * imported it would not run anywhere else.)
 */
export function noJsEquivalent(autoClass: string, instead: string): string {
  return `// There is no standalone JavaScript equivalent: transformers.js has no ${autoClass}, and the page
// builds this model's graph from model.safetensors with its own code (src/lib/onnx in this app).
// ${instead}
`;
}
