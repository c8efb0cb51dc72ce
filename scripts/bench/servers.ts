// The servers a bench run needs: the test hub, the app's production build and the bare baseline page.
import { createConnection, createServer, type Socket } from 'node:net';
import { run, startGroup, waitFor } from './processes';

export interface ServerUrls {
  /** The test hub, e.g. http://127.0.0.1:7081 */
  hub: string;
  /** Folder the hub serves. */
  hubRoot: string;
  /** The app under /hat-wardrobe/, e.g. http://127.0.0.1:4181/hat-wardrobe/ */
  app: string;
  /** The bare transformers.js page. */
  bare: string;
}

const portOf = (url: string) => new URL(url).port;

/**
 * Builds the app (its model host pointed at the hub) and the bare page, then starts all three servers.
 * `appPort` moves the app's server off the port in `urls.app` (for a proxy in front of it).
 * `minify: false` keeps the app's function names, for CPU profiles.
 */
export async function startServers(urls: ServerUrls, appPort = Number(portOf(urls.app)), minify = true): Promise<void> {
  // Unminified, a CPU profile names the app's own functions.
  run('npx', ['vite', 'build', '--outDir', 'bench-results/app', '--emptyOutDir', ...(minify ? [] : ['--minify', 'false'])], { VITE_MODEL_HOST: urls.hub });
  run('npx', ['vite', 'build', '--config', 'scripts/bench/bare/vite.config.ts']);
  startGroup('npx', ['tsx', 'scripts/test-hub/serve.ts', '--port', portOf(urls.hub), '--root', urls.hubRoot]);
  startGroup('npx', ['vite', 'preview', '--outDir', 'bench-results/app', '--base', '/hat-wardrobe/', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort']);
  startGroup('npx', ['vite', 'preview', '--config', 'scripts/bench/bare/vite.config.ts', '--host', '127.0.0.1', '--port', portOf(urls.bare), '--strictPort']);
  await Promise.all([waitFor(`${urls.hub}/__health`), waitFor(`http://127.0.0.1:${appPort}/hat-wardrobe/`), waitFor(urls.bare)]);
}

export interface CountingProxy {
  /** Bytes the server sent to the browser (headers and bodies) since the last reset. */
  bytes(): number;
  /** Request paths seen since the last reset, in order. */
  requests(): string[];
  /** The paths of those that were conditional (If-None-Match / If-Modified-Since): a 304, no body, when unchanged. */
  revalidations(): string[];
  reset(): void;
  close(): Promise<void>;
}

/**
 * A TCP pass-through in front of a server that counts what the server sends back and which paths
 * the browser asks for: "bytes from the app's own server", counted on the wire.
 */
export async function countingProxy(listenPort: number, upstreamPort: number): Promise<CountingProxy> {
  let bytes = 0;
  let requests: string[] = [];
  let revalidations: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: upstreamPort });
    let head = '';
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      // Header blocks end in a blank line; a static site's requests are GETs, with no body in between.
      const blocks = (head + chunk.toString('latin1')).split('\r\n\r\n');
      head = (blocks.pop() ?? '').slice(-65536);
      for (const block of blocks) {
        const m = /^(?:GET|HEAD) (\S+) HTTP\//.exec(block);
        if (!m) continue;
        requests.push(m[1]!);
        if (/^if-(none-match|modified-since):/im.test(block)) revalidations.push(m[1]!);
      }
    });
    upstream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', resolve);
  });
  return {
    bytes: () => bytes,
    requests: () => [...requests],
    revalidations: () => [...revalidations],
    reset() {
      bytes = 0;
      requests = [];
      revalidations = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
