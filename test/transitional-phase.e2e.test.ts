// Issue 26, "the report shows the phase" and the two-command cycle on a repo with an Edge Function, a destructured
// read and an .env.example: --write --transitional, --check --transitional green with the fallbacks as info and
// counted (JSON `phase` and `summary.fallbacks`, the checklist's line), plain --check red, plain --write then --check
// green with no fallback left; a second run of each step changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/in-process.js';
import { commitAll, git, removeTempDirs, snapshot, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const FILES = {
  'package.json': JSON.stringify({ name: 'app', type: 'module', dependencies: { '@supabase/supabase-js': '^2.112.0' } }),
  'src/config.ts': "const { VITE_SUPABASE_URL: url, VITE_SUPABASE_ANON_KEY: anonKey = '' } = import.meta.env\nexport { url, anonKey }\n",
  'src/admin.ts': 'export const key = process.env.SUPABASE_SERVICE_ROLE_KEY\n',
  '.env.example': 'VITE_SUPABASE_URL=https://your-project.supabase.co\nVITE_SUPABASE_ANON_KEY=your-anon-key\n',
  'supabase/functions/admin/index.ts':
    "import { createClient } from 'jsr:@supabase/supabase-js@2'\n\nDeno.serve(async (req) => {\n" +
    "  const auth = await createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!).auth.getClaims(req.headers.get('Authorization')!.replace('Bearer ', ''))\n" +
    "  if (!auth.data) return new Response('unauthorized', { status: 401 })\n" +
    "  const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)\n" +
    "  return Response.json((await supabase.from('t').select()).data)\n})\n",
};

interface Document {
  phase: string;
  summary: { errors: number; fallbacks: number };
  checklist: { step: number; detail: string }[];
}

async function json(repo: string, args: string[]): Promise<{ code: number; doc: Document }> {
  const run = await runMain(repo, [...args, '--format', 'json']);
  return { code: run.code, doc: JSON.parse(run.stdout) as Document };
}

const commit = (repo: string, message: string) => git(repo, 'commit', '-qam', message);


describe('the transition, phase by phase', () => {
  it('transitional write → green transitional check with the fallbacks counted → red plain check → final write → green', async () => {
    const repo = commitAll(writeTree(FILES));

    await runMain(repo, ['--write', '--transitional']);
    commit(repo, 'transitional');
    const afterTransitional = snapshot(repo);
    expect(readFileSync(join(repo, 'src/admin.ts'), 'utf8')).toBe(
      'export const key = process.env.SUPABASE_SECRET_KEY ?? process.env.SUPABASE_SERVICE_ROLE_KEY\n',
    );
    await runMain(repo, ['--write', '--transitional']);
    expect(snapshot(repo)).toEqual(afterTransitional);

    const transitional = await json(repo, ['--check', '--transitional']);
    expect(transitional.code).toBe(0);
    expect(transitional.doc.phase).toBe('transitional');
    // src/config.ts, src/admin.ts, the template's legacy line and the two Edge reads.
    expect(transitional.doc.summary.fallbacks).toBe(5);
    const step5 = transitional.doc.checklist.find((step) => step.step === 5);
    expect(step5?.detail).toContain('transitional: 5 fallbacks remain — remove them after step 5');

    const plain = await json(repo, ['--check']);
    expect(plain.code).toBe(1);
    expect(plain.doc.phase).toBe('final');
    expect(plain.doc.summary.fallbacks).toBe(5);
    expect(plain.doc.summary.errors).toBeGreaterThanOrEqual(5);

    await runMain(repo, ['--write']);
    commit(repo, 'final');
    const afterFinal = snapshot(repo);
    expect(readFileSync(join(repo, 'src/admin.ts'), 'utf8')).toBe('export const key = process.env.SUPABASE_SECRET_KEY\n');
    expect(readFileSync(join(repo, '.env.example'), 'utf8')).not.toContain('ANON');
    const final = await json(repo, ['--check']);
    expect(final.code).toBe(0);
    expect(final.doc.phase).toBe('final');
    expect(final.doc.summary.fallbacks).toBe(0);
    expect(final.doc.checklist.find((step) => step.step === 5)?.detail).not.toContain('transitional:');
    await runMain(repo, ['--write']);
    expect(snapshot(repo)).toEqual(afterFinal);

    // One plain run on the original gives the same tree: the phase leaves no trace.
    const direct = commitAll(writeTree(FILES));
    await runMain(direct, ['--write']);
    const files = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([path]) => !path.startsWith('.migrate-keys/')));
    expect(files(snapshot(repo))).toEqual(files(snapshot(direct)));
  });
});
