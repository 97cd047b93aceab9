// Two legacy names of one new name (SPEC §2): the canonical name moves everywhere, the alias wherever it stands
// alone; where both share a namespace the alias's line goes (env files, imports) or it keeps its name there with
// a finding. One file's conflict never blocks a name in the rest of the repository (issue 18, item 1).
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../src/core/plan.js';
import { removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

async function planTree(files: Record<string, string>, map = {}) {
  return plan({ root: writeTree(files), paths: [], ignore: [], map });
}

const after = (result: Awaited<ReturnType<typeof planTree>>) => Object.fromEntries(result.changes.map((c) => [c.path, c.after]));
const kept = (result: Awaited<ReturnType<typeof planTree>>) =>
  result.findings.filter((f) => f.message.includes('not renamed')).map((f) => [f.file, f.line, f.fixable]);

describe('collisions', () => {
  it('one compose environment block with both names blocks neither name anywhere else', async () => {
    const compose =
      'services:\n  api:\n    environment:\n      SUPABASE_SERVICE_KEY: ${SUPABASE_SERVICE_KEY}\n      SUPABASE_SERVICE_ROLE_KEY: ${SUPABASE_SERVICE_ROLE_KEY}\n';
    const result = await planTree({
      'docker-compose.yml': compose,
      'server/admin.ts': 'export const key = process.env.SUPABASE_SERVICE_ROLE_KEY\n',
      'worker/job.ts': 'export const key = process.env.SUPABASE_SERVICE_KEY\n',
      '.env.example': 'SUPABASE_SERVICE_ROLE_KEY=\n',
    });
    expect(after(result)).toEqual({
      '.env.example': 'SUPABASE_SECRET_KEY=\n',
      'docker-compose.yml':
        'services:\n  api:\n    environment:\n      SUPABASE_SERVICE_KEY: ${SUPABASE_SECRET_KEY}\n      SUPABASE_SECRET_KEY: ${SUPABASE_SECRET_KEY}\n',
      'server/admin.ts': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
      'worker/job.ts': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
    });
    expect(kept(result)).toEqual([['docker-compose.yml', 4, false]]);
    const message = result.findings.find((f) => f.file === 'docker-compose.yml' && f.line === 4 && f.message.includes('not renamed'))?.message;
    expect(message).toContain('`SUPABASE_SERVICE_ROLE_KEY` on line 5 becomes `SUPABASE_SECRET_KEY` too here: keep the right one under `SUPABASE_SECRET_KEY` and remove this entry');
  });

  it('in a .env file the canonical name moves and the alias line of the same key goes; readers of either are renamed', async () => {
    const result = await planTree({
      '.env': 'SUPABASE_SERVICE_ROLE_KEY=a\nSUPABASE_SERVICE_KEY=a\n',
      'server/admin.ts': 'export const key = process.env.SUPABASE_SERVICE_ROLE_KEY\n',
      'scripts/seed.ts': 'export const key = process.env.SUPABASE_SERVICE_KEY\n',
    });
    expect(after(result)).toEqual({
      '.env': 'SUPABASE_SECRET_KEY=a\n',
      'scripts/seed.ts': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
      'server/admin.ts': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
    });
    expect(kept(result)).toEqual([]);
    const alias = result.findings.find((f) => f.file === '.env' && f.line === 2);
    expect(alias?.message).toContain('`SUPABASE_SERVICE_ROLE_KEY` on line 1 becomes `SUPABASE_SECRET_KEY` too, so this line of the same key under its alias goes');
  });

  it('in a .env file an alias with another value than its canonical name stays, with a finding, run after run', async () => {
    const files = { '.env': 'SUPABASE_SERVICE_ROLE_KEY=a\nSUPABASE_SERVICE_KEY=b\n', 'scripts/seed.ts': 'process.env.SUPABASE_SERVICE_KEY\n' };
    const result = await planTree(files);
    expect(after(result)).toEqual({ '.env': 'SUPABASE_SECRET_KEY=a\nSUPABASE_SERVICE_KEY=b\n', 'scripts/seed.ts': 'process.env.SUPABASE_SECRET_KEY\n' });
    expect(kept(result)).toEqual([['.env', 2, false]]);
    expect(result.findings.find((f) => f.file === '.env' && f.line === 2)?.message).toContain(
      '`SUPABASE_SERVICE_ROLE_KEY` on line 1 becomes `SUPABASE_SECRET_KEY` too, and this line holds another value: keep the right one under `SUPABASE_SECRET_KEY` and remove this line',
    );
    const again = await planTree({ ...files, ...after(result) });
    expect(again.changes).toEqual([]);
    expect(kept(again)).toEqual([['.env', 2, false]]);
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

  it('a schema with both names: the canonical member moves, the alias member stays with a finding, its lone reader moves', async () => {
    const schema = 'export const schema = z.object({\n  SUPABASE_SERVICE_ROLE_KEY: z.string(),\n  SUPABASE_SERVICE_KEY: z.string().optional(),\n})\n';
    const result = await planTree({ 'env.ts': schema, 'use.ts': 'process.env.SUPABASE_SERVICE_KEY\n' });
    expect(after(result)).toEqual({
      'env.ts': 'export const schema = z.object({\n  SUPABASE_SECRET_KEY: z.string(),\n  SUPABASE_SERVICE_KEY: z.string().optional(),\n})\n',
      'use.ts': 'process.env.SUPABASE_SECRET_KEY\n',
    });
    expect(kept(result)).toEqual([['env.ts', 3, false]]);
  });

  it('a destructuring of both keeps the alias binding and its every use in that file, so the code still compiles', async () => {
    const code = 'const { SUPABASE_SERVICE_ROLE_KEY, SUPABASE_SERVICE_KEY } = process.env\nexport const keys = [SUPABASE_SERVICE_ROLE_KEY, SUPABASE_SERVICE_KEY]\n';
    const result = await planTree({ 'keys.ts': code });
    expect(after(result)).toEqual({
      'keys.ts': 'const { SUPABASE_SECRET_KEY, SUPABASE_SERVICE_KEY } = process.env\nexport const keys = [SUPABASE_SECRET_KEY, SUPABASE_SERVICE_KEY]\n',
    });
    expect(kept(result)).toEqual([
      ['keys.ts', 1, false],
      ['keys.ts', 2, false],
    ]);
  });

  it('two names mapped to one new name with no canonical one among them keep their names there only', async () => {
    const result = await planTree(
      { '.env': 'MY_ANON=a\nOTHER_ANON=b\n', 'a.ts': 'process.env.MY_ANON\n' },
      { MY_ANON: 'SUPABASE_PUBLISHABLE_KEY', OTHER_ANON: 'SUPABASE_PUBLISHABLE_KEY' },
    );
    expect(after(result)).toEqual({ 'a.ts': 'process.env.SUPABASE_PUBLISHABLE_KEY\n' });
    expect(kept(result)).toEqual([
      ['.env', 1, false],
      ['.env', 2, false],
    ]);
  });

  it('a YAML mapping that already holds the new name keeps the alias with a finding, run after run', async () => {
    const text = 'env:\n  SUPABASE_SECRET_KEY: x\n  SUPABASE_SERVICE_KEY: x\n';
    const result = await planTree({ 'render.yaml': text, 'a.ts': 'process.env.SUPABASE_SERVICE_KEY\n' });
    expect(after(result)).toEqual({ 'a.ts': 'process.env.SUPABASE_SECRET_KEY\n' });
    expect(result.findings.find((f) => f.file === 'render.yaml')?.message).toContain(
      '`SUPABASE_SECRET_KEY` already stands beside it here: keep the right one and remove this entry',
    );
  });

  it('renames names that only meet in references, where merging is harmless: a fallback between them collapses to one read', async () => {
    // Was `SUPABASE_SECRET_KEY ?? SUPABASE_SECRET_KEY` (issue 18, item 5): SPEC §4, never `X ?? X`.
    const result = await planTree({
      'a.ts': 'const key = process.env.SUPABASE_SERVICE_ROLE_KEY ?? process.env.SUPABASE_SERVICE_KEY\n',
      'b.ts': 'const key = process.env.SUPABASE_SERVICE_KEY || process.env.SUPABASE_SERVICE_ROLE_KEY || null\n',
    });
    expect(after(result)).toEqual({
      'a.ts': 'const key = process.env.SUPABASE_SECRET_KEY\n',
      'b.ts': 'const key = process.env.SUPABASE_SECRET_KEY || null\n',
    });
  });
});
