// Issue 22: the walk gives the list git gives. On a generated monorepo (nested .gitignore files, node_modules, build
// output, env files), untracked as a user runs the tool before a first commit: discover() lists exactly the files of
// `git ls-files -co --exclude-standard` that it reads (a file kind, outside the folders it never walks), plus the env
// files .gitignore hides (SPEC §5: env files are found even when ignored).
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover, SKIPPED_DIRECTORIES } from '../src/core/discover.js';
import { fileKind } from '../src/file-kinds/index.js';
import { REPO_ROOT, removeTempDirs, tempDir } from './helpers/repo.js';

afterAll(removeTempDirs);

const gitList = (cwd: string, ...args: string[]) =>
  spawnSync('git', ['ls-files', '-z', ...args], { cwd, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
const skipped = (path: string) => path.split('/').slice(0, -1).some((part) => (SKIPPED_DIRECTORIES as readonly string[]).includes(part));

describe('discover() and git agree on the files', () => {
  it.each(['monorepo', 'app'] as const)('%s shape, untracked', async (shape) => {
    const root = tempDir();
    const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'generate.mjs'), root, '1500', ...(shape === 'app' ? ['--app'] : [])], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    mkdirSync(join(root, 'apps/web'), { recursive: true });
    writeFileSync(join(root, 'apps/web/.gitignore'), '.env.local\nlogs/\n!keep.ts\n');
    writeFileSync(join(root, 'apps/web/.env.local'), 'SUPABASE_SERVICE_ROLE_KEY=x\n');
    mkdirSync(join(root, 'apps/web/logs'), { recursive: true });
    writeFileSync(join(root, 'apps/web/logs/keep.ts'), 'export {}\n');
    symlinkSync(join(root, 'apps/web/.env.local'), join(root, 'apps/web/.env.link'));
    spawnSync('git', ['init', '-q'], { cwd: root });

    const listed = (await discover({ root, paths: [], ignore: [] })).files.map((file) => file.path);
    const symlinks = new Set(['apps/web/.env.link']);
    const reads = (path: string) => fileKind(path) !== undefined && !skipped(path) && !symlinks.has(path);
    const ignoredEnv = gitList(root, '-o', '-i', '--exclude-standard').filter((path) => fileKind(path) === 'env' && !skipped(path));
    const expected = [...new Set([...gitList(root, '-co', '--exclude-standard').filter(reads), ...ignoredEnv])].sort();
    expect(listed).toEqual(expected);
    expect(listed).toContain('apps/web/.env.local');
    expect(listed).not.toContain('apps/web/logs/keep.ts');
  });
});
