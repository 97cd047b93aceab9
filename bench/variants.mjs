// The commands the benchmark times, and how each run is checked for having really worked.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { changedFiles } from './tree.mjs';

const NODE = process.execPath;
/** The floor's regex in git's ERE dialect (no lookahead): a legacy stem not followed by an identifier character. */
const LEGACY_ERE = 'SUPABASE_(ANON|SERVICE_ROLE|SERVICE)_KEY([^A-Za-z0-9_]|$)';
const exitIn = (codes, code) => (codes.includes(code) ? undefined : `exit ${code}`);
// jscodeshift colours its summary under CI.
const plain = (text) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

/** Fixed costs that do not depend on the tree: Node itself, and the CLI (in the folder `tool`) loading its modules. */
export function startupVariants(tool) {
  return [
    { id: 'node', label: 'node -e 0', cmd: [NODE, ['-e', '0'], tool], verify: ({ code }) => ({ error: exitIn([0], code) }) },
    {
      id: 'version', label: 'migrate-keys --version', cmd: [NODE, [join(tool, 'bin/migrate-keys.js'), '--version'], tool],
      verify: ({ code }) => ({ error: exitIn([0], code) }),
    },
  ];
}

/** The variants timed on one generated tree with the tool in the folder `tool`; jscodeshift only when `jscodeshift` is set. */
export function treeVariants(tree, { jscodeshift, committed = true }, tool) {
  const CLI = join(tool, 'bin/migrate-keys.js');
  const expected = tree.manifest.legacyFiles;
  const list = [
    {
      id: 'check', label: 'migrate-keys --check', cmd: [NODE, [CLI, '--check'], tree.dir],
      verify: ({ code }) => ({ error: exitIn([0, 1], code), note: `exit ${code}` }),
    },
    {
      // The same run without parse workers: what --concurrency buys on this machine.
      id: 'check-in-band', label: 'migrate-keys --check --concurrency 0', cmd: [NODE, [CLI, '--check', '--concurrency', '0'], tree.dir],
      verify: ({ code }) => ({ error: exitIn([0, 1], code), note: `exit ${code}` }),
    },
    {
      id: 'write', label: 'migrate-keys --write', writes: true, cmd: [NODE, [CLI, '--write'], tree.dir],
      verify: ({ code }) => ({ error: exitIn([0, 1], code), note: `${changedFiles(tree.dir)} files changed` }),
    },
    {
      id: 'floor', label: 'floor (discover + read + 1 regex)', cmd: [NODE, [join(tool, 'bench/floor.mjs')], tree.dir],
      verify: ({ code, output }) => {
        if (code !== 0) return { error: `exit ${code}` };
        const { read, matching } = JSON.parse(output().trim().split('\n').at(-1));
        const error = matching === expected ? undefined : `found ${matching} files with legacy names, the generator wrote ${expected}`;
        return { error, note: `${matching} of ${read} files match` };
      },
    },
    {
      id: 'grep', label: 'git grep -l -E', cmd: ['git', ['grep', '-l', '-E', LEGACY_ERE], tree.dir],
      verify: ({ code, output }) => ({ error: exitIn([0, 1], code), note: `${output().split('\n').filter(Boolean).length} files match` }),
    },
  ];
  // An untracked tree cannot be put back after a write (nothing is committed): it is only checked.
  if (!committed) return list.filter((variant) => !variant.writes);
  if (!jscodeshift) return list;
  const run = (id, label, mode) => ({
    id, label, writes: true,
    cmd: [NODE, [join(tool, 'node_modules/jscodeshift/bin/jscodeshift.js'), '--no-babel', '-t', 'dist/transforms/env-names.js',
      '--extensions=ts,tsx,js,jsx,mjs,cjs,mts,cts,vue,svelte,astro',
      // The tool skips these folders too (built-in list and the tree's nested .gitignore): the same files for both.
      '--ignore-pattern=**/node_modules/**', '--ignore-pattern=**/dist/**', '--ignore-pattern=**/generated/**',
      ...mode, tree.dir], tool],
    verify: ({ code, output }) => {
      const summary = plain(output());
      const count = (what) => Number(new RegExp(`(\\d+) ${what}`).exec(summary)?.[1] ?? NaN);
      const errors = count('errors');
      const changed = count('ok');
      const error = exitIn([0], code) ?? (errors !== 0 ? `${errors} errors`
        : changed !== tree.manifest.legacyCodeFiles ? `changed ${changed} files, the generator wrote ${tree.manifest.legacyCodeFiles} code files with legacy names` : undefined);
      return { error, note: `${changed} files changed (code only)` };
    },
  });
  // jscodeshift starts at most cores - 1 workers, whatever --cpus asks for.
  const workers = Math.min(Math.max(cpus().length - 1, 1), 2);
  list.push(
    run('jscs-band', 'jscodeshift --run-in-band', ['--run-in-band']),
    run('jscs-cpus', `jscodeshift --cpus 2 (${workers} worker${workers === 1 ? '' : 's'})`, ['--cpus', '2']),
  );
  return list;
}

/** Reads a run's output lazily: --check output can be megabytes and most runs never need it. */
export const reader = (file) => () => readFileSync(file, 'utf8');
