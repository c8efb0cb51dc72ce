// @vitest-environment node
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The import boundaries are only as good as the lint that keeps them. Probe files are written into
 * the real folders (under a throwaway subfolder each, so eslint.config.js applies as to real code),
 * one import across every forbidden boundary, and ESLint must flag each; imports that are allowed
 * must pass. The probe folders are removed afterwards.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROBE = `lint-probe-${process.pid}`;
const HAT = `src/hats/${PROBE}`;

interface Probe {
  file: string;
  code: string;
  /** The boundary it crosses; undefined for an import that is allowed. */
  forbidden?: string;
}

const use = (name: string) => `\nexport const probe = ${name};\n`;

const probes: Probe[] = [
  { forbidden: 'hat → app (store)', file: `${HAT}/store-probe.ts`, code: `import { createAppStore } from '@/app/store';${use('createAppStore')}` },
  { forbidden: 'hat UI → app (relative)', file: `${HAT}/StoreProbe.tsx`, code: `import { useApp } from '../../app/app-context';${use('useApp')}` },
  { forbidden: 'hat → another hat', file: `${HAT}/other-hat.ts`, code: `import { maskedLmCodec } from '@/hats/masked-lm/params';${use('maskedLmCodec')}` },
  { forbidden: 'hat → registry', file: `${HAT}/registry-probe.ts`, code: `import { hats } from '@/hats/registry';${use('hats')}` },
  { forbidden: 'hat → worker internals (not the sdk)', file: `${HAT}/engine-probe.ts`, code: `import { Engine } from '@/worker/engine';${use('Engine')}` },
  { forbidden: 'hat helper → transformers.js', file: `${HAT}/helper.ts`, code: `import { softmax } from '@huggingface/transformers';${use('softmax')}` },
  { forbidden: 'lib → app (relative)', file: `src/lib/${PROBE}/app.ts`, code: `import { createAppStore } from '../../app/store';${use('createAppStore')}` },
  { forbidden: 'lib → engine', file: `src/lib/${PROBE}/engine.ts`, code: `import { InferenceClient } from '@/engine/client';${use('InferenceClient')}` },
  { forbidden: 'lib → worker', file: `src/lib/${PROBE}/worker.ts`, code: `import { Engine } from '@/worker/engine';${use('Engine')}` },
  { forbidden: 'lib → hats', file: `src/lib/${PROBE}/hats.ts`, code: `import { defineHat } from '@/hats/types';${use('defineHat')}` },
  { forbidden: 'lib → components', file: `src/lib/${PROBE}/components.ts`, code: `import { Notices } from '@/components/Notices';${use('Notices')}` },
  { forbidden: 'engine → worker', file: `src/engine/${PROBE}/worker.ts`, code: `import { Engine } from '@/worker/engine';${use('Engine')}` },
  { forbidden: 'engine → app', file: `src/engine/${PROBE}/app.ts`, code: `import { createAppStore } from '@/app/store';${use('createAppStore')}` },
  { forbidden: 'components → app', file: `src/components/${PROBE}/Probe.tsx`, code: `import { useApp } from '@/app/app-context';${use('useApp')}` },
  { forbidden: 'components/ui → components', file: `src/components/ui/${PROBE}/Probe.tsx`, code: `import { Notices } from '../../Notices';${use('Notices')}` },
  { forbidden: 'worker → app', file: `src/worker/${PROBE}/app.ts`, code: `import { createAppStore } from '@/app/store';${use('createAppStore')}` },
  { forbidden: 'app → transformers.js', file: `src/app/${PROBE}/runtime.ts`, code: `import { pipeline } from '@huggingface/transformers';${use('pipeline')}` },
  { forbidden: 'component → ONNX Runtime', file: `src/components/${PROBE}/runtime.ts`, code: `import { InferenceSession } from 'onnxruntime-web/webgpu';${use('InferenceSession')}` },
  { forbidden: 'engine → transformers.js', file: `src/engine/${PROBE}/runtime.ts`, code: `import { env } from '@huggingface/transformers';${use('env')}` },
  { forbidden: 'an import cycle', file: `src/lib/${PROBE}/cycle-a.ts`, code: `import { b } from './cycle-b';\nexport const a = () => b;\n` },
  { file: `src/lib/${PROBE}/cycle-b.ts`, code: `import { a } from './cycle-a';\nexport const b = () => a;\n`, forbidden: 'an import cycle (other end)' },
  // Allowed: the same kinds of imports where the boundaries permit them.
  { file: `${HAT}/adapter.ts`, code: `import { AutoModel } from '@huggingface/transformers';\nimport { BadInputError } from '@/worker/sdk';\nexport default { AutoModel, BadInputError };\n` },
  { file: `${HAT}/Allowed.tsx`, code: `import { defineHat } from '@/hats/types';\nimport { formatBytes } from '@/lib/format';\nimport { ProbabilityBars } from '@/components/ui/ProbabilityBars';\nimport { helper } from './allowed-helper';\nexport const probe = [defineHat, formatBytes, ProbabilityBars, helper];\n` },
  { file: `${HAT}/allowed-helper.ts`, code: `export const helper = 1;\n` },
  { file: `src/app/${PROBE}/allowed.ts`, code: `import { hats } from '@/hats/registry';\nimport { Notices } from '@/components/Notices';\nimport { InferenceClient } from '@/engine/client';\nexport const probe = [hats, Notices, InferenceClient];\n` },
  { file: `src/lib/${PROBE}/allowed.ts`, code: `import { MB } from '@/lib/format';\nimport { softmax } from '../maths';\nexport const probe = [MB, softmax];\n` },
  { file: `src/worker/${PROBE}/allowed.ts`, code: `import { env } from '@huggingface/transformers';\nimport type { WorkerRequest } from '@/engine/protocol';\nexport const probe = (r: WorkerRequest) => [env, r];\n` },
];

const folders = [...new Set(probes.map((p) => path.dirname(path.join(ROOT, p.file))))];
let results: Map<string, ESLint.LintResult>;

beforeAll(async () => {
  for (const dir of folders) mkdirSync(dir, { recursive: true });
  for (const p of probes) writeFileSync(path.join(ROOT, p.file), p.code);
  // Made after the probe hat folder exists: the config gives every hat folder its own zone.
  const eslint = new ESLint({ cwd: ROOT });
  const linted = await eslint.lintFiles(probes.map((p) => p.file));
  results = new Map(linted.map((r) => [path.relative(ROOT, r.filePath), r]));
}, 120_000);

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const BOUNDARY_RULES = ['import-x/no-restricted-paths', 'no-restricted-imports', 'import-x/no-cycle'];
const boundaryErrors = (file: string) => (results.get(file)?.messages ?? []).filter((m) => m.severity === 2 && BOUNDARY_RULES.includes(m.ruleId ?? ''));

describe('lint keeps the import boundaries', () => {
  it.each(probes.filter((p) => p.forbidden))('flags $forbidden', ({ file }) => {
    expect(boundaryErrors(file).length).toBeGreaterThan(0);
  });

  it.each(probes.filter((p) => !p.forbidden))('lets $file pass', ({ file }) => {
    expect(results.get(file)?.messages).toEqual([]);
  });
});
