/**
 * The files that publish the app are data, not code: these tests hold them to what the app needs
 * (src/lib/site-headers.ts) and to what the README tells people to do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SITE_HEADERS } from '../src/lib/site-headers.ts';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

/** Netlify / Cloudflare Pages `_headers`: a path line, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const match = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (!match || !current) throw new Error(`Not a header line: ${line}`);
    current.set(match[1]!.trim().toLowerCase(), match[2]!.trim());
  }
  return rules;
}

const needed = (headers = SITE_HEADERS) => new Map(headers.map((h) => [h.name.toLowerCase(), h.value]));

describe('public/_headers (Netlify, Cloudflare Pages)', () => {
  it('sends every header the app needs on every path, and nothing else', () => {
    const rules = parseHeadersFile(read('public/_headers'));
    expect([...rules.keys()]).toEqual(['/*']);
    expect(rules.get('/*')).toEqual(needed());
  });
});

describe('docs/space-README.md (Hugging Face static Space)', () => {
  const text = read('docs/space-README.md');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const config = parse(front?.[1] ?? '') as { sdk?: string; app_file?: string; custom_headers?: Record<string, string> };

  it('is a static Space that serves the built index.html', () => {
    expect(config.sdk).toBe('static');
    expect(config.app_file).toBe('index.html');
  });

  it('sets, in custom_headers, every header the app needs that a Space accepts there', () => {
    // A Space takes only these three in custom_headers.
    const accepted = ['cross-origin-embedder-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy'];
    expect(SITE_HEADERS.filter((h) => h.space).every((h) => accepted.includes(h.name.toLowerCase()))).toBe(true);
    expect(new Map(Object.entries(config.custom_headers ?? {}))).toEqual(needed(SITE_HEADERS.filter((h) => h.space)));
  });
});

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  container?: { image?: string };
  permissions?: Record<string, string>;
  environment?: { name?: string };
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[] } };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

describe('.github/workflows/pages.yml (GitHub Pages)', () => {
  const workflow = parse(read('.github/workflows/pages.yml')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const step = (name: string): Step => {
    const found = steps.find((s) => s.name === name);
    if (!found) throw new Error(`No step "${name}" in the workflow`);
    return found;
  };

  it('runs on every push to main', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
  });

  it('has the steps the README names, in that order', () => {
    const readme = read('README.md');
    const listed = /GitHub Pages workflow steps: (.+)\./.exec(readme)?.[1]?.split(' → ').map((s) => s.replace(/\*\*/g, ''));
    expect(listed, 'the README lists the steps as "GitHub Pages workflow steps: A → B → …."').toBeDefined();
    expect(steps.map((s) => s.name).filter((n) => listed!.includes(n!))).toEqual(listed);
  });

  it('tests as .ci/run does: Debian\'s Chromium, npm ci without onnxruntime-node\'s download, npm test', () => {
    expect(step('Install Chromium').run).toMatch(/apt-get install -y .*\bchromium\b/);
    expect(step('Install dependencies')).toMatchObject({ run: expect.stringMatching(/^npm ci\b/), env: { ONNXRUNTIME_NODE_INSTALL: 'skip' } });
    expect(step('Test')).toMatchObject({ run: 'npm test', env: { CHROMIUM_PATH: '/usr/bin/chromium' } });
    const ci = read('.ci/run');
    for (const same of ['apt-get install -y --no-install-recommends chromium', 'ONNXRUNTIME_NODE_INSTALL=skip', 'npm ci', 'npm test']) expect(ci).toContain(same);
  });

  it('builds for the Hub by default, with the Pages address as the published one, and publishes dist/', () => {
    const build = step('Build');
    expect(build.run).toBe('npm run build');
    expect(build.env?.VITE_MODEL_HOST).toContain("'https://huggingface.co'");
    expect(build.env?.VITE_PUBLIC_URL).toContain('steps.pages.outputs.base_url');
    expect(step('Find the Pages address').uses).toMatch(/^actions\/configure-pages@v\d+$/);
    expect(step('Upload the site')).toMatchObject({ uses: expect.stringMatching(/^actions\/upload-pages-artifact@v\d+$/), with: { path: 'dist' } });
  });

  it('deploys from a job that waits for the build and may write to Pages', () => {
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy).toBeDefined();
    expect(deploy!.needs).toBe('build');
    expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy!.environment?.name).toBe('github-pages');
    // The job that runs the tests and the build touches nothing but the repository.
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.build?.permissions).toBeUndefined();
  });
});
