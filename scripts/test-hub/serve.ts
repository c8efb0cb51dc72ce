/**
 * CLI for the test hub: `tsx scripts/test-hub/serve.ts [--port 7071] [--root fixtures/models]`.
 * Importable too: `createTestHub({ root, port })` is re-exported from ./hub.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestHub } from './hub.ts';

export { createTestHub } from './hub.ts';
export type { Fault, HubLogEntry, TestHub, TestHubOptions } from './hub.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '7071' },
      root: { type: 'string', default: 'fixtures/models' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: tsx scripts/test-hub/serve.ts [--port 7071] [--root fixtures/models]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${values.port}`);
  const root = path.resolve(values.root);
  if (!existsSync(root)) {
    console.warn(`test-hub: ${root} does not exist yet (run \`npm run fixtures\`); every model will 404`);
  }
  const hub = await createTestHub({ root, port });
  console.log(`test-hub: serving ${root} at ${hub.url}/<org>/<name>/resolve/<rev>/<file>`);
  const stop = () => {
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  main().catch((err: unknown) => {
    console.error('test-hub:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
