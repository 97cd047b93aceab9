// The README's quick start, run literally, line by line, in a temp copy of examples/vite-react: each
// command does what its comment says, and exits as its comment says. `npx migrate-keys@<version>`
// is this checkout's built CLI (the version the README pins is package.json's).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, exampleRepo, REPO_ROOT, removeTempDirs, snapshot } from './helpers/repo.js';

afterAll(removeTempDirs);

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The lines of the first `sh` block under "## Quick start": command and comment. */
function quickStart(): { command: string; comment: string }[] {
  const section = README.slice(README.indexOf('## Quick start'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const hash = line.indexOf('#');
      return { command: line.slice(0, hash).trim(), comment: line.slice(hash + 1).trim() };
    });
}

describe("the README's quick start", () => {
  const steps = quickStart();

  it('lists the steps a user runs, with the pinned version', () => {
    expect(steps.map((step) => step.command)).toEqual([
      `npx migrate-keys@${VERSION}`,
      `npx migrate-keys@${VERSION} --write`,
      'git diff',
      `npx migrate-keys@${VERSION} --check`,
    ]);
    for (const step of steps) if (step.command.startsWith('npx')) expect(step.comment).toMatch(/exits \d/);
  });

  it('does at each step what it says, on a copy of the example', { timeout: 60_000 }, () => {
    const repo = exampleRepo('vite-react');
    for (const { command, comment } of steps) {
      const before = snapshot(repo);
      const [program, ...args] = command.split(/\s+/) as [string, ...string[]];
      const run =
        program === 'npx'
          ? spawnSync(process.execPath, [CLI, ...args.slice(1)], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } })
          : spawnSync(program, args, { cwd: repo, encoding: 'utf8' });
      const expectedExit = /exits (\d)/.exec(comment)?.[1];
      if (expectedExit !== undefined) expect(run.status, `${command}: ${run.stderr}`).toBe(Number(expectedExit));
      const after = snapshot(repo);
      if (/writes nothing/.test(comment)) expect(after, `${command} wrote nothing`).toEqual(before);
      if (command.endsWith('--write')) {
        expect(after, '--write changed files').not.toEqual(before);
        expect(existsSync(join(repo, '.migrate-keys', 'last-run.json')), 'backed up in .migrate-keys/').toBe(true);
      }
      if (/the diff it would apply/.test(comment)) expect(run.stdout).toContain('+++ b/src/lib/supabase.ts');
      if (command === 'git diff') expect(run.stdout).toContain('+VITE_SUPABASE_PUBLISHABLE_KEY');
    }
  });
});
