// A name is renamed at every site or at none: a collision in one file keeps the name in every file.
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../src/core/plan.js';
import { removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

async function planTree(files: Record<string, string>) {
  return plan({ root: writeTree(files), paths: [], ignore: [], map: {} });
}

describe('collisions', () => {
  it('keeps a name everywhere when two legacy keys of one env file would merge', async () => {
    const result = await planTree({
      '.env': 'SUPABASE_SERVICE_ROLE_KEY=a\nSUPABASE_SERVICE_KEY=b\n',
      'server/admin.ts': 'export const key = process.env.SUPABASE_SERVICE_ROLE_KEY\n',
      'web/client.ts': 'export const anon = process.env.SUPABASE_ANON_KEY\n',
    });
    expect(result.changes.map((c) => c.path)).toEqual(['web/client.ts']);
    const blocked = result.findings.filter((f) => f.message.includes('not renamed'));
    expect(blocked.map((f) => [f.file, f.line, f.fixable])).toEqual([
      ['.env', 1, false],
      ['.env', 2, false],
      ['server/admin.ts', 1, false],
    ]);
    expect(blocked[2]?.message).toContain('`SUPABASE_SERVICE_KEY` and `SUPABASE_SERVICE_ROLE_KEY` would both become `SUPABASE_SECRET_KEY` in .env:1');
  });

  it('retires a legacy env line that stands beside its new name, and renames the readers', async () => {
    const result = await planTree({
      '.env': 'SUPABASE_SERVICE_ROLE_KEY=old\nSUPABASE_SECRET_KEY=new\n',
      'server/admin.ts': 'export const key = process.env.SUPABASE_SERVICE_ROLE_KEY\n',
    });
    expect(result.changes.map((c) => [c.path, c.after])).toEqual([
      ['.env', 'SUPABASE_SECRET_KEY=new\n'],
      ['server/admin.ts', 'export const key = process.env.SUPABASE_SECRET_KEY\n'],
    ]);
  });

  it('keeps both names when two legacy keys of a schema would merge', async () => {
    const schema = 'export const schema = z.object({\n  SUPABASE_SERVICE_ROLE_KEY: z.string(),\n  SUPABASE_SERVICE_KEY: z.string().optional(),\n})\n';
    const result = await planTree({ 'env.ts': schema, 'use.ts': 'process.env.SUPABASE_SERVICE_KEY\n' });
    expect(result.changes).toEqual([]);
    expect(result.findings.every((f) => f.ruleId === 'legacy-env-name' && !f.fixable)).toBe(true);
    expect(result.findings).toHaveLength(3);
  });

  it('renames names that only meet in references, where merging is harmless', async () => {
    const result = await planTree({ 'a.ts': 'const key = process.env.SUPABASE_SERVICE_ROLE_KEY ?? process.env.SUPABASE_SERVICE_KEY\n' });
    expect(result.changes[0]?.after).toBe('const key = process.env.SUPABASE_SECRET_KEY ?? process.env.SUPABASE_SECRET_KEY\n');
  });
});
