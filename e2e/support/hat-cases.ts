import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import LZString from 'lz-string';
import { hatUrl, type HatParams } from './test.ts';

export interface HatCase {
  hat: string;
  model?: string;
  params?: HatParams;
  /** Why this hat's fixture.ts could not be read. */
  error?: string;
}

export type OpenableCase = HatCase & { model: string };

/**
 * Every hat with a hat.ts (so a new hat is checked without an edit in a spec), opened on its
 * fixture model with its bench case's inputs. fixture.ts needs protobufjs, which Playwright's
 * loader cannot import, so tsx reads the cases in a child process, one hat at a time so that one
 * broken fixture names itself.
 */
function hatCases(): HatCase[] {
  const hats = readdirSync('src/hats').filter((id) => existsSync(`src/hats/${id}/hat.ts`));
  const script = `Promise.all(JSON.parse(process.env.HATS).map((hat) => import('./src/hats/' + hat + '/fixture.ts').then(
    (m) => ({ hat, model: m.benchCase?.model, params: m.benchCase?.params }),
    (e) => ({ hat, error: String(e) }),
  ))).then((cases) => console.log(JSON.stringify(cases)))`;
  const out = execFileSync('npx', ['tsx', '--eval', script], {
    encoding: 'utf8',
    env: { ...process.env, HATS: JSON.stringify(hats), TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
  });
  return JSON.parse(out) as HatCase[];
}

/** The hats that can be opened on a test model, and why the others cannot. */
export function openableHats(): { cases: OpenableCase[]; broken: string[] } {
  const all = hatCases();
  return {
    cases: all.filter((c): c is OpenableCase => !c.error && !!c.model),
    broken: all.filter((c) => c.error || !c.model).map((c) => `${c.hat}: ${c.error ?? 'its fixture.ts has no benchCase'}, so it cannot be opened on a test model`),
  };
}

/** One lesson with every hat as a step: stepping through it keeps one page and one worker, so ONNX Runtime starts once. */
export function everyHatLesson(cases: OpenableCase[], note: string): string {
  const steps = cases.map((c) => ({ link: hatUrl({ hat: c.hat, model: c.model, ...c.params }).replace('./?', ''), note: `${note}: ${c.hat}` }));
  return LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, title: 'Every hat', steps }));
}
