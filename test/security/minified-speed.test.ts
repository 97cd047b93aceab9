// A minified bundle (one line of megabytes) is scanned in time linear in its size; it is reported, never parsed or edited (issue 18).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, removeTempDirs, writeTree } from '../helpers/repo.js';

afterAll(removeTempDirs);

/** Short minified statements, many of them top-level, with Supabase reads, strings and a Bearer header among them. */
const FRAGMENTS = [
  'const s=createClient(import.meta.env.VITE_SUPABASE_URL,import.meta.env.VITE_SUPABASE_ANON_KEY);',
  'var e="str",f=1;',
  'fetch(u,{headers:{Authorization:"Bearer "+k}});',
  'x[i]=i*2;',
  'if(a){d()}',
  'const k=import.meta.env.VITE_SUPABASE_ANON_KEY;',
  'g();',
];

function minified(bytes: number): string {
  const parts: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const fragment = `${FRAGMENTS[i % FRAGMENTS.length] as string}g();h();`;
    parts.push(fragment);
    size += fragment.length;
  }
  return parts.join('');
}

/** Previews a tree holding one minified file of `megabytes`; the time of the whole CLI run. */
function preview(megabytes: number): { seconds: number; stdout: string; stderr: string; status: number | null } {
  const root = writeTree({ 'app.min.js': minified(megabytes * 1024 * 1024) });
  const started = performance.now();
  // runCli's default buffer (1 MiB) is too small for the diff of a 3 MB line.
  const run = spawnSync(process.execPath, [CLI, '--no-color'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' },
  });
  return { seconds: (performance.now() - started) / 1000, stdout: run.stdout, stderr: run.stderr, status: run.status };
}

describe('a minified file of several megabytes', () => {
  it('takes time linear in its size: 3 MB in less than 5 times the 1 MB run; reported, not edited', { timeout: 180_000 }, () => {
    const small = preview(1);
    const large = preview(3);
    expect(small.status, small.stderr).toBe(1);
    expect(large.status, large.stderr).toBe(1);
    // A generated file: no diff, its names reported with what to do.
    const lines = large.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('@@'))).toEqual([]);
    expect(large.stdout).toContain('`VITE_SUPABASE_ANON_KEY` is a legacy key name in a generated file (a .min.js file), not edited: regenerate it from its source');
    // Linear: 3× the size costs about 3× the time (quadratic would be 9×); a generous bound, as load varies.
    expect(large.seconds / small.seconds, `1 MB: ${small.seconds.toFixed(2)} s, 3 MB: ${large.seconds.toFixed(2)} s`).toBeLessThan(5);
    expect(large.seconds).toBeLessThan(15);
  });
});
