// Every migrate-keys a user is told to run from examples/ and docs/ names this package.json's version: a bare
// `npx migrate-keys` runs whatever is published under the name on the day, and a stale pin runs an old release.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/repo.js';

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const PINNED = `migrate-keys@${version}`;
const ACTION = `migrate-keys/migrate-keys@v${version}`;
/** Folders whose commands a user copies. README.md has a test of its own. */
const FOLDERS = ['examples', 'docs'];

const RUNNER = /(?<![\w-])(?:npx|bunx|npm\s+exec|pnpm\s+dlx|yarn\s+dlx)(?![\w-])/g;
const unquote = (token: string) => token.replace(/^[`'"(]+|[`'",;)]+$/g, '');

/** The package spec each package-runner command on this line runs (`npx --yes migrate-keys@1.2.3 --check` -> migrate-keys@1.2.3). */
function runnerPackages(line: string): string[] {
  const specs: string[] = [];
  for (const match of line.matchAll(RUNNER)) {
    const tokens = line
      .slice((match.index ?? 0) + match[0].length)
      .split(/\s+/)
      .map(unquote)
      .filter(Boolean);
    let spec: string | undefined;
    for (let i = 0; i < tokens.length && spec === undefined; i++) {
      const token = tokens[i] as string;
      if (token === '--package' || token === '-p') spec = tokens[i + 1];
      else if (token.startsWith('--package=')) spec = token.slice('--package='.length);
      else if (token === '--') spec = tokens[i + 1];
      else if (!token.startsWith('-')) spec = token;
    }
    if (spec) specs.push(spec);
  }
  return specs;
}

/** A spec of migrate-keys that is not this version; a `<version>` placeholder in prose is not a command. */
const unpinned = (spec: string) => /^migrate-keys(@|$)/.test(spec) && spec !== PINNED && !/^migrate-keys@<[^>]+>$/.test(spec);

function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === '.git' ? [] : textFiles(full);
    return entry.isFile() ? [full] : [];
  });
}

/** path:line: text for every line under `folder` matching `bad`. */
function offending(folder: string, bad: (line: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of textFiles(join(REPO_ROOT, folder))) {
    const text = readFileSync(file, 'utf8');
    if (text.includes('\0')) continue;
    text.split(/\r?\n/).forEach((line, index) => {
      if (bad(line)) found.push(`${relative(REPO_ROOT, file).split(sep).join('/')}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

describe(`commands in examples/ and docs/ pin ${PINNED}`, () => {
  it('reads the package a runner runs, past its flags', () => {
    expect(runnerPackages('      - run: npx --yes migrate-keys --check')).toEqual(['migrate-keys']);
    expect(runnerPackages(`run: npx --yes ${PINNED} --check --format sarif > out.sarif`)).toEqual([PINNED]);
    expect(runnerPackages('`npx migrate-keys@0.0.1 undo` puts back')).toEqual(['migrate-keys@0.0.1']);
    expect(runnerPackages('npx --yes --package migrate-keys@<version> -- migrate-keys …')).toEqual(['migrate-keys@<version>']);
    expect(runnerPackages('npx --yes --package=migrate-keys rules')).toEqual(['migrate-keys']);
    expect(runnerPackages('npm exec -- migrate-keys --write; pnpm dlx "migrate-keys"; bunx migrate-keys')).toEqual(['migrate-keys', 'migrate-keys', 'migrate-keys']);
    expect(runnerPackages('npx jscodeshift --no-babel -t node_modules/migrate-keys/dist/transforms/env-names.js src/')).toEqual(['jscodeshift']);
    expect(runnerPackages('cd my-npx-tools && migrate-keys --check')).toEqual([]);
    expect(['migrate-keys', 'migrate-keys@latest', 'migrate-keys@0.0.1'].filter(unpinned)).toEqual(['migrate-keys', 'migrate-keys@latest', 'migrate-keys@0.0.1']);
    expect([PINNED, 'migrate-keys@<version>', 'jscodeshift', 'migrate-keys-extra'].filter(unpinned)).toEqual([]);
  });

  it('the CI examples run the pinned package', () => {
    for (const file of ['migrate-keys-check.yml', 'migrate-keys-sarif.yml']) {
      expect(readFileSync(join(REPO_ROOT, 'examples', 'ci', file), 'utf8')).toContain(`npx --yes ${PINNED} --check`);
    }
  });

  it.each(FOLDERS)('no npx (npm exec, pnpm dlx, yarn dlx, bunx) of migrate-keys without this version in %s/', (folder) => {
    expect(offending(folder, (line) => runnerPackages(line).some(unpinned))).toEqual([]);
  });

  it.each(FOLDERS)(`every use of the GitHub Action in %s/ names ${ACTION}`, (folder) => {
    expect(offending(folder, (line) => [...line.matchAll(/migrate-keys\/migrate-keys@([\w.-]+)/g)].some((match) => match[0] !== ACTION))).toEqual([]);
  });
});
