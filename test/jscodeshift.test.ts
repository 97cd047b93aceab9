// jscodeshift's own runner with the built transform (dist/transforms/env-names.js) over every code/markup fixture.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(REPO, '__testfixtures__', 'env-names');
const TRANSFORM = join(REPO, 'dist', 'transforms', 'env-names.js');
const EXTENSIONS = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts', 'vue', 'svelte', 'astro'];

const inputs = readdirSync(FIXTURES)
  .map((file) => /^(.+)\.input\.([a-z]+)$/.exec(file))
  .filter((match): match is RegExpExecArray => match !== null && EXTENSIONS.includes(match[2] as string))
  .map(([file, name, ext]) => ({ file: file as string, name: name as string, ext: ext as string }));

const dir = mkdtempSync(join(tmpdir(), 'migrate-keys-jscodeshift-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jscodeshift runner', () => {
  it('turns every code and markup fixture input into its output', () => {
    expect(existsSync(TRANSFORM), `${TRANSFORM} is missing: run \`npm run build\` before the tests`).toBe(true);
    expect(inputs.length).toBeGreaterThan(0);
    for (const { file, name, ext } of inputs) copyFileSync(join(FIXTURES, file), join(dir, `${name}.${ext}`));

    const run = spawnSync(
      process.execPath,
      [
        join(REPO, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js'),
        '--no-babel',
        '-t',
        TRANSFORM,
        '--run-in-band',
        `--extensions=${EXTENSIONS.join(',')}`,
        dir,
      ],
      { encoding: 'utf8' },
    );
    // jscodeshift colours its summary when it thinks it runs in CI.
    const stdout = stripVTControlCharacters(run.stdout);
    const log = `stdout:\n${stdout}\nstderr:\n${run.stderr}`;
    expect(run.status, log).toBe(0);
    expect(stdout, log).not.toMatch(/\bERR\b/);
    expect(stdout, log).toMatch(/^0 errors$/m);

    for (const { name, ext } of inputs) {
      const actual = readFileSync(join(dir, `${name}.${ext}`));
      const expected = readFileSync(join(FIXTURES, `${name}.output.${ext}`));
      expect(actual.equals(expected), `${name}.${ext} differs from ${name}.output.${ext}`).toBe(true);
    }
  });
});
