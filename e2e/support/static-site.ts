/**
 * The production build, served again by a plain static server, as a school or a free host would
 * put it up: Vite's preview without the app's config (sirv, with Range; 'mpa' so a missing file is a
 * 404, not index.html), so it sends no header the app did not ask for in `headers`.
 */
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preview } from 'vite';

// The build playwright.config.ts serves (vite build --outDir …).
export const BUILD_DIR = process.env.E2E_APP_PORT ? `dist-e2e-${process.env.E2E_APP_PORT}` : 'dist';
export const SUB_PATH = 'hat-wardrobe/';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface StaticSite {
  /** The site's folder: the build's files, linked in one by one, so a test can add its own beside them. */
  dir: string;
  /** The site's address: `http://127.0.0.1:<port>/hat-wardrobe/`. */
  url: string;
  close(): Promise<void>;
}

export interface StaticSiteOptions {
  /** Response headers for every file, as a host's configuration would add them. */
  headers?: Record<string, string>;
  /** Called with the path of every request the server sees. */
  onRequest?: (url: string) => void;
}

/** Serves the build under /hat-wardrobe/ of a fresh folder (files added to `dir` later are served too). */
export async function serveBuild({ headers, onRequest }: StaticSiteOptions = {}): Promise<StaticSite> {
  const root = await mkdtemp(path.join(tmpdir(), 'hw-site-'));
  const dir = path.join(root, SUB_PATH);
  await mkdir(dir);
  for (const entry of await readdir(BUILD_DIR)) await symlink(path.resolve(BUILD_DIR, entry), path.join(dir, entry));
  const server = await preview({
    configFile: false,
    logLevel: 'silent',
    appType: 'mpa',
    build: { outDir: root },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true, headers },
    plugins: onRequest
      ? [
          {
            name: 'request-log',
            configurePreviewServer(s) {
              s.middlewares.use((req, _res, next) => {
                onRequest(req.url ?? '');
                next();
              });
            },
          },
        ]
      : [],
  });
  return {
    dir,
    url: new URL(SUB_PATH, server.resolvedUrls?.local[0]).href,
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
