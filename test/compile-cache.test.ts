// The code cache TypeScript loads through: private, checked by V8, and never in the way.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder } from '../src/core/compile-cache.js';
import { REPO_ROOT, removeTempDirs, tempDir } from './helpers/repo.js';

afterAll(removeTempDirs);

/** Loads `module` through requireCached in a fresh Node process, as the CLI does, and prints what it exports. */
function load(module: string, folder: string): string {
  const script = `import { requireCached } from ${JSON.stringify(join(REPO_ROOT, 'dist/src/core/compile-cache.js'))};
    process.stdout.write(String(requireCached(${JSON.stringify(module)}, ${JSON.stringify(folder)}, 'sample').answer()));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('compile cache', () => {
  const module = join(tempDir(), 'sample.cjs');
  writeFileSync(module, 'const helper = require("node:path"); exports.answer = () => helper.basename("/a/42");\n');

  it('is written at the first run, used as it is by the next, and written again when V8 rejects it', () => {
    const folder = tempDir();
    expect(load(module, folder)).toBe('42');
    const [file] = readdirSync(folder);
    expect(file).toMatch(/^sample-\d+-v\d+.*\.v8$/);
    const cache = join(folder, file as string);
    const written = readFileSync(cache);
    expect(written.length).toBeGreaterThan(0);
    const { mtimeMs } = statSync(cache);

    expect(load(module, folder)).toBe('42');
    expect(statSync(cache).mtimeMs).toBe(mtimeMs);

    writeFileSync(cache, 'not a code cache');
    expect(load(module, folder)).toBe('42');
    const rewritten = readFileSync(cache);
    expect(rewritten.toString('latin1')).not.toBe('not a code cache');
    expect(readdirSync(folder)).toEqual([file]);
    const again = statSync(cache).mtimeMs;
    expect(load(module, folder)).toBe('42');
    expect(statSync(cache).mtimeMs).toBe(again);
  });

  it('is written on request, before exit, as a worker thread does before it is stopped', () => {
    const folder = tempDir();
    const script = `import { requireCached, writeCodeCaches } from ${JSON.stringify(join(REPO_ROOT, 'dist/src/core/compile-cache.js'))};
      import { readdirSync } from 'node:fs';
      requireCached(${JSON.stringify(module)}, ${JSON.stringify(folder)}, 'sample');
      const before = readdirSync(${JSON.stringify(folder)}).length;
      writeCodeCaches();
      process.stdout.write(before + ' ' + readdirSync(${JSON.stringify(folder)}).length);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('0 1');
  });

  it('lives in a private folder, or nowhere', () => {
    const fresh = join(tempDir(), 'cache');
    expect(cacheFolder({ MIGRATE_KEYS_CACHE_DIR: fresh })).toBe(fresh);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    expect(cacheFolder({ MIGRATE_KEYS_CACHE_DIR: fresh, MIGRATE_KEYS_NO_CACHE: '1' })).toBeUndefined();

    const shared = join(tempDir(), 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(cacheFolder({ MIGRATE_KEYS_CACHE_DIR: shared })).toBeUndefined();
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect(cacheFolder({ MIGRATE_KEYS_CACHE_DIR: file })).toBeUndefined();
  });
});
