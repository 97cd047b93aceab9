// Issue 17: each file is parsed once per run, and the rules receive the parsed form. One repository
// holds the examples, the security and Edge Function fixtures, and a few files that every analysis
// parses (a module one of them imports for its key, a component with two script blocks, an .astro
// page); the run's parse counter (src/file-kinds/parse.ts, Scripts) must never see a script parsed twice.
// The CLI half runs the built CLI (`npm run build` first).
import { cpSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../src/core/plan.js';
import { WORKER_MIN_FILES } from '../src/core/worker-threshold.js';
import { REPO_ROOT, removeTempDirs, runCli, tempDir, commitAll } from './helpers/repo.js';

afterAll(removeTempDirs);

/** Read by every analysis that parses: the scan, implicit reads, realtime, browser reads, JWT secret uses, Bearer keys, and the key exports of caller.tsx's import. */
const EXTRA: Record<string, string> = {
  'sink/package.json': JSON.stringify({ dependencies: { next: '14.2.0', '@supabase/supabase-js': '^2.45.0', '@supabase/auth-helpers-nextjs': '^0.10.0' } }),
  'sink/app/keys.tsx':
    "'use client'\n" +
    "import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\n" +
    "import jwt from 'jsonwebtoken'\n\n" +
    'export const anonKey = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!\n' +
    'const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY\n\n' +
    'export const supabase = createClientComponentClient()\n' +
    "supabase.channel('room').on('broadcast', { event: 'ping' }, () => {}).subscribe()\n\n" +
    'export function claims(token: string) {\n' +
    '  return jwt.verify(token, process.env.SUPABASE_JWT_SECRET!)\n' +
    '}\n\n' +
    "export const ping = () => fetch('/api/ping', { headers: { Authorization: `Bearer ${anonKey}`, 'x-service': String(serviceKey) } })\n",
  'sink/app/caller.tsx':
    "'use client'\n" +
    "import { anonKey } from './keys'\n\n" +
    "export const call = () => fetch('/rest/v1/todos', { headers: { Authorization: `Bearer ${anonKey}` } })\n",
  'sink-vue/package.json': JSON.stringify({ dependencies: { vue: '^3.4.0', vite: '^5.4.0', '@supabase/supabase-js': '^2.45.0' } }),
  'sink-vue/src/Todos.vue':
    '<script lang="ts">\n' +
    'export const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY\n' +
    "export const ping = () => fetch('/rest/v1/', { headers: { Authorization: `Bearer ${anonKey}` } })\n" +
    '</script>\n\n' +
    '<script setup lang="ts">\n' +
    "import { createClient } from '@supabase/supabase-js'\n" +
    '// tokens are checked with jose on the server\n' +
    'const serviceKey = import.meta.env.SUPABASE_SERVICE_ROLE_KEY\n' +
    'const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, anonKey)\n' +
    "supabase.channel('todos').subscribe()\n" +
    "fetch('/rest/v1/todos', { headers: { Authorization: `Bearer ${import.meta.env.VITE_SUPABASE_ANON_KEY}`, 'x-service': serviceKey } })\n" +
    '</script>\n\n' +
    '<template><p>todos</p></template>\n',
  'sink-astro/package.json': JSON.stringify({ dependencies: { astro: '^4.15.0' } }),
  'sink-astro/src/pages/index.astro':
    '---\n' +
    'const serviceKey = import.meta.env.SUPABASE_SERVICE_ROLE_KEY\n' +
    'const anonKey = import.meta.env.PUBLIC_SUPABASE_ANON_KEY\n' +
    '---\n' +
    '<html><body>\n' +
    '<script>\n' +
    '  const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY\n' +
    "  fetch('/rest/v1/todos', { headers: { Authorization: `Bearer ${key}` } })\n" +
    '</script>\n' +
    '</body></html>\n',
};

/** The examples, the security fixtures, the Edge Function monorepo and EXTRA, side by side in one git repository. */
function everyAnalysisRepo(fillers = 0): string {
  const root = tempDir('migrate-keys-parse-once-');
  cpSync(join(REPO_ROOT, 'examples'), join(root, 'examples'), { recursive: true });
  for (const name of ['security-next', 'security-sveltekit', 'security-vite', 'security-expo', 'edge-monorepo']) {
    cpSync(join(REPO_ROOT, 'test', 'fixtures', name), join(root, name), { recursive: true });
  }
  // The security fixtures store their .gitignore as `_gitignore` (test/security-fixtures.test.ts).
  const restore = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) restore(path);
      else if (entry === '_gitignore') renameSync(path, join(folder, '.gitignore'));
    }
  };
  restore(root);
  const files: Record<string, string> = { ...EXTRA };
  // Enough files for the scan workers to start (src/core/pool.ts).
  for (let i = 0; i < fillers; i++) files[`notes/note-${i}.md`] = `# Note ${i}\n`;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  commitAll(root);
  return root;
}

describe('each file is parsed once per run', () => {
  it('by the scan and every rule and analysis together', async () => {
    const result = await plan({ root: everyAnalysisRepo(), paths: [], ignore: [], map: {}, concurrency: 0 });
    // Every analysis that reads syntax trees ran, and found what it looks for.
    const found = (ruleId: string, file: string) => result.findings.some((f) => f.ruleId === ruleId && f.file === file);
    expect(found('bearer-api-key', 'sink/app/caller.tsx')).toBe(true); // anonKey, through the key exports of keys.tsx
    expect(found('bearer-api-key', 'sink/app/keys.tsx')).toBe(true);
    expect(found('bearer-api-key', 'sink-vue/src/Todos.vue')).toBe(true);
    expect(found('bearer-api-key', 'sink-astro/src/pages/index.astro')).toBe(true);
    expect(found('realtime-public-24h', 'sink/app/keys.tsx')).toBe(true);
    expect(found('realtime-public-24h', 'sink-vue/src/Todos.vue')).toBe(true);
    expect(found('secret-key-exposed', 'sink/app/keys.tsx')).toBe(true);
    expect(found('secret-key-exposed', 'sink-vue/src/Todos.vue')).toBe(true);
    expect(found('legacy-jwt-secret', 'sink/app/keys.tsx')).toBe(true);
    expect(found('implicit-legacy-env', 'sink/app/keys.tsx')).toBe(true);
    expect(result.parses.files).toBeGreaterThan(25);
    expect(result.parses.again).toBe(0);
    expect(result.parses.most).toBe(1);
  });

  it('--stats prints the parses per file, with and without scan workers', () => {
    const root = everyAnalysisRepo(WORKER_MIN_FILES);
    for (const concurrency of ['0', '1']) {
      const run = runCli(root, ['--check', '--stats', '--format', 'json', '--concurrency', concurrency]);
      expect(run.status).toBe(1);
      const [, parses, files, most] = /\n {2}parses: (\d+) of (\d+) files \(at most (\d+) per file[^)]*\)\n/.exec(run.stderr) ?? [];
      expect(Number(files)).toBeGreaterThan(25);
      expect(Number(parses)).toBeGreaterThanOrEqual(Number(files));
      // With workers, a file a worker scanned and a rule needs is parsed once on each thread.
      expect(Number(most), run.stderr).toBe(1);
    }
  });
});
