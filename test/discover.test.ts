// Discovery: nested .gitignore with git's semantics, env files found when ignored, links never followed.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../src/core/discover.js';
import { plan } from '../src/core/plan.js';
import { removeTempDirs, writeTree as tree } from './helpers/repo.js';

afterAll(removeTempDirs);

async function found(root: string, paths: string[] = [], ignore: string[] = []): Promise<string[]> {
  return (await discover({ root, paths, ignore })).files.map((file) => file.path);
}

describe('discover', () => {
  it('never reads the temp file a killed --write left beside a file (undo or the next --write removes it)', async () => {
    const root = tree({ 'docs/notes.md': 'x\n', 'docs/.notes.md.migrate-keys-123-0a1b2c3d.tmp': 'x\n', 'docs/draft.tmp': 'x\n' });
    expect((await found(root)).sort()).toEqual(['docs/draft.tmp', 'docs/notes.md']);
  });

  it('applies nested .gitignore files with git semantics, but always finds .env files', async () => {
    const root = tree({
      '.gitignore': 'generated/\n*.local.ts\n.env*\n',
      'src/a.ts': '',
      'src/b.local.ts': '',
      'generated/c.ts': '',
      'generated/.env': '',
      'packages/web/.gitignore': 'legacy/\n!keep.local.ts\n',
      'packages/web/legacy/d.ts': '',
      'packages/web/keep.local.ts': '',
      'packages/web/.env.local': '',
      'packages/web/.env.server.ts': '',
      'packages/web/README.md': '',
      'packages/web/logo.png': '',
      '.env': '',
    });
    expect(await found(root)).toEqual([
      '.env',
      'generated/.env',
      'packages/web/.env.local',
      // .env.server.ts is code, not an env file, so `.env*` in .gitignore hides it.
      'packages/web/README.md',
      'packages/web/keep.local.ts',
      'src/a.ts',
    ]);
  });

  it('finds every family of env file names when gitignored, and not the code or data named like them', async () => {
    const root = tree({
      '.gitignore': '.env*\n*.env\nenv.*\n.dev.vars*\n',
      '.env-template': '',
      'api/.env_sample': '',
      'env.example': '',
      'config/dev.env': '',
      'docker/app.env': '',
      '.envrc': '',
      'workers/.dev.vars': '',
      'env.ts': '',
      '.env.schema.json': '',
      'src/a.ts': '',
    });
    expect(await found(root)).toEqual(['.env-template', '.envrc', 'api/.env_sample', 'config/dev.env', 'docker/app.env', 'env.example', 'src/a.ts', 'workers/.dev.vars']);
  });

  it('does not re-include a file inside an ignored folder (git does not descend into it)', async () => {
    const root = tree({ '.gitignore': 'out/\n!out/keep.ts\n', 'out/keep.ts': '', 'in.ts': '' });
    expect(await found(root)).toEqual(['in.ts']);
  });

  it('skips node_modules, build outputs and its own backups', async () => {
    const root = tree({
      'node_modules/pkg/index.js': '',
      'dist/app.js': '',
      '.next/server.js': '',
      '.migrate-keys/backups/x/.env': '',
      'src/app.ts': '',
    });
    expect(await found(root)).toEqual(['src/app.ts']);
  });

  it('honours --ignore patterns, for env files too', async () => {
    const root = tree({ 'src/a.ts': '', 'legacy/b.ts': '', 'legacy/.env': '', '.env': '' });
    expect(await found(root, [], ['legacy/'])).toEqual(['.env', 'src/a.ts']);
  });

  it('never follows symbolic links: loops, links out of the root, linked files', async () => {
    const outside = tree({ 'secret.ts': 'process.env.SUPABASE_SERVICE_ROLE_KEY' });
    const root = tree({ 'src/a.ts': '' });
    symlinkSync(join(root, 'src'), join(root, 'src', 'loop'));
    symlinkSync(outside, join(root, 'outside'));
    symlinkSync(join(outside, 'secret.ts'), join(root, 'linked.ts'));
    const discovery = await discover({ root, paths: [], ignore: [] });
    expect(discovery.files.map((f) => f.path)).toEqual(['src/a.ts']);
    expect(discovery.symlinks).toBe(3);
    expect((await discover({ root, paths: ['outside'], ignore: [] })).unmatched).toHaveLength(1);
  });

  it('takes given files, folders and globs, and reports what matches nothing', async () => {
    const root = tree({ 'apps/web/src/a.ts': '', 'apps/api/b.ts': '', 'apps/api/c.md': '' });
    const discovery = await discover({ root, paths: ['apps/web', 'apps/api/*.md', 'missing', 'apps/api/b.ts'], ignore: [] });
    expect(discovery.files.map((f) => f.path)).toEqual(['apps/api/b.ts', 'apps/api/c.md', 'apps/web/src/a.ts']);
    expect(discovery.unmatched.map((u) => u.path)).toEqual(['missing']);
  });
});

describe('plan reading', () => {
  it('skips and counts binary, oversized and non-UTF-8 files without changing them', async () => {
    const name = 'VITE_SUPABASE_ANON_KEY';
    const root = tree({
      'binary.js': Buffer.concat([Buffer.from(`const k = import.meta.env.${name}\n`), Buffer.from([0, 1, 2])]),
      'latin1.ts': Buffer.from(`// caf\xe9\nimport.meta.env.${name}\n`, 'latin1'),
      'big.js': `import.meta.env.${name}\n${'x'.repeat(5 * 1024 * 1024)}`,
      'ok.ts': `import.meta.env.${name}\n`,
    });
    const result = await plan({ root, paths: [], ignore: [], map: {} });
    expect(result.skipped).toMatchObject({ binary: 1, large: 1, encoding: 1 });
    expect(result.changes.map((c) => c.path)).toEqual(['ok.ts']);
  });
});
