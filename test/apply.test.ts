// The writer: atomic writes that keep mode, line endings and BOM; backups and undo outside git.
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyChanges, undoLastRun } from '../src/core/apply.js';
import { plan } from '../src/core/plan.js';
import { removeTempDirs, tempDir } from './helpers/repo.js';

afterAll(removeTempDirs);

describe('applyChanges', () => {
  it('writes only the renamed bytes, keeps CRLF, BOM and mode, and undo restores outside git', async () => {
    const root = tempDir();
    const script = '\uFEFF// seed\r\nconsole.log(process.env.SUPABASE_SERVICE_ROLE_KEY)\r\n';
    writeFileSync(join(root, 'run.mjs'), script);
    chmodSync(join(root, 'run.mjs'), 0o751);
    writeFileSync(join(root, '.env'), 'SUPABASE_SERVICE_ROLE_KEY=local-secret-value\n');

    const planned = await plan({ root, paths: [], ignore: [], map: {} });
    const result = applyChanges(root, planned.changes, { allowDirty: false });
    expect(result).toEqual({ written: ['.env', 'run.mjs'], failures: [], refusedDirty: [] });

    const written = readFileSync(join(root, 'run.mjs'));
    expect(written.equals(Buffer.from(script.replace('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY'), 'utf8'))).toBe(true);
    expect(written.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(statSync(join(root, 'run.mjs')).mode & 0o777).toBe(0o751);
    expect(readFileSync(join(root, '.env'), 'utf8')).toBe('SUPABASE_SECRET_KEY=local-secret-value\n');
    // No temp files are left behind.
    expect(readdirSync(root).sort()).toEqual(['.env', '.migrate-keys', 'run.mjs']);
    expect(readFileSync(join(root, '.migrate-keys', '.gitignore'), 'utf8')).toBe('*\n');

    const undo = undoLastRun(root, { force: false });
    expect(undo).toEqual({ restored: ['.env', 'run.mjs'], failures: [], found: true });
    expect(readFileSync(join(root, 'run.mjs'), 'utf8')).toBe(script);
    expect(statSync(join(root, 'run.mjs')).mode & 0o777).toBe(0o751);
    expect(undoLastRun(root, { force: false }).found).toBe(false);
  });

  it('does not overwrite a file that changed on disk after it was planned', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.ts'), 'process.env.SUPABASE_ANON_KEY\n');
    const planned = await plan({ root, paths: [], ignore: [], map: {} });
    writeFileSync(join(root, 'a.ts'), 'process.env.SUPABASE_ANON_KEY // edited meanwhile\n');
    const result = applyChanges(root, planned.changes, { allowDirty: false });
    expect(result.written).toEqual([]);
    expect(result.failures).toEqual([{ file: 'a.ts', message: expect.stringContaining('changed on disk') }]);
    expect(readFileSync(join(root, 'a.ts'), 'utf8')).toBe('process.env.SUPABASE_ANON_KEY // edited meanwhile\n');
  });
});
