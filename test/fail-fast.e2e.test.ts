// End to end (issue 20, item 5): usage errors and unmatched paths stop the run before the analysis, a dirty file --write would
// change stops it before anything is written or printed; each is the
// last line of output, never sit beside a "✔", and give JSON an `error`; the tool's own last --write is not "uncommitted".
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, exampleRepo, removeTempDirs, runCli, snapshot, writeTree, type CliRun } from './helpers/repo.js';
import { validateOutputJson } from './helpers/json-output.js';

afterAll(removeTempDirs);

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';
const everything = (run: CliRun): string => run.stdout + run.stderr;

/** A key read, renamed by --write, and sent as Bearer in the same file, which only --write --unsafe moves to apikey. */
function bearerRepo(): string {
  return commitAll(
    writeTree({
      'src/todos.ts': [
        'const key = import.meta.env.VITE_SUPABASE_ANON_KEY;',
        '',
        'export async function list(url: string) {',
        '  const response = await fetch(`${url}/rest/v1/todos`, { headers: { Authorization: `Bearer ${key}` } });',
        '  return response.json();',
        '}',
        '',
      ].join('\n'),
      '.env.example': 'VITE_SUPABASE_URL=https://x.supabase.co\nVITE_SUPABASE_ANON_KEY=your-anon-key\n',
    }),
  );
}

describe('a refused --write (uncommitted changes)', () => {
  it('an uncommitted file that --write would not change does not stop it (SPEC §5: only the files it would touch)', () => {
    const repo = exampleRepo('vite-react');
    appendFileSync(join(repo, 'src/App.tsx'), '// work in progress\n');
    const run = runCli(repo, ['--write']);
    expect(run.stderr).not.toContain('refusing to write');
    expect(readFileSync(join(repo, 'src/lib/supabase.ts'), 'utf8')).toContain('VITE_SUPABASE_PUBLISHABLE_KEY');
  });

  it('is checked before anything is written or printed: the refusal is the last line, no findings and no summary are printed, nothing is written', () => {
    const repo = exampleRepo('vite-react');
    appendFileSync(join(repo, 'src/lib/supabase.ts'), '// work in progress\n');
    const before = snapshot(repo);
    const run = runCli(repo, ['--write']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('  src/lib/supabase.ts\n');
    expect(lastLine(run.stderr)).toMatch(/^migrate-keys: refusing to write: 1 file has uncommitted changes .*--allow-dirty.*nothing was written/);
    expect(everything(run)).not.toMatch(/legacy-env-name|files? changed|✔/);
    expect(snapshot(repo)).toEqual(before);
  });

  it('-f json: an `error` and no clean-looking summary', () => {
    const repo = exampleRepo('vite-react');
    appendFileSync(join(repo, 'src/lib/supabase.ts'), '// work in progress\n');
    const run = runCli(repo, ['--write', '-f', 'json']);
    expect(run.status).toBe(2);
    const document = validateOutputJson(run.stdout);
    expect(document.error).toMatch(/^refusing to write: 1 file has uncommitted changes/);
    expect(document.mode).toBe('write');
    expect(document).not.toHaveProperty('summary');
    expect(document).not.toHaveProperty('findings');
    expect(lastLine(run.stderr)).toContain('refusing to write');
  });

  it('--write then --write --unsafe works without --allow-dirty: the files of the last --write, unchanged since, are not uncommitted', () => {
    const repo = bearerRepo();
    expect(runCli(repo, ['--write']).status).toBe(1);
    expect(readFileSync(join(repo, 'src/todos.ts'), 'utf8')).toContain('VITE_SUPABASE_PUBLISHABLE_KEY');
    const unsafe = runCli(repo, ['--write', '--unsafe']);
    expect(unsafe.stderr).not.toContain('refusing');
    expect(unsafe.status).toBe(0);
    expect(readFileSync(join(repo, 'src/todos.ts'), 'utf8')).toContain('headers: { apikey: key }');
    // A third run (the .env.example of the first is not in the second's manifest) finds nothing to refuse either.
    const again = runCli(repo, ['--write', '--unsafe']);
    expect(again.stderr).not.toContain('refusing');
    expect(again.status).toBe(0);
  });

  it('a hand edit after --write makes the next --write refuse', () => {
    const repo = bearerRepo();
    expect(runCli(repo, ['--write']).status).toBe(1);
    appendFileSync(join(repo, 'src/todos.ts'), '// edited by hand\n');
    const before = snapshot(repo);
    const run = runCli(repo, ['--write', '--unsafe']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('  src/todos.ts\n');
    expect(lastLine(run.stderr)).toContain('refusing to write');
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('a path that matches nothing', () => {
  it('exit 2, no ✔ anywhere, the error is the last line; nothing is analysed', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['nope/']);
    expect(run.status).toBe(2);
    expect(everything(run)).not.toContain('✔');
    expect(run.stdout).toBe('');
    expect(lastLine(run.stderr)).toMatch(/^migrate-keys: .*nope\/ does not exist/);
  });

  it('beside a path that exists: still stops before the analysis', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['src', 'nope.ts', '--write']);
    expect(run.status).toBe(2);
    expect(everything(run)).not.toMatch(/✔|legacy-env-name/);
    expect(lastLine(run.stderr)).toContain('nope.ts does not exist');
    expect(existsSync(join(repo, '.migrate-keys'))).toBe(false);
  });

  it('-f json has `error`, and no findings or summary', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['nope/', '-f', 'json']);
    expect(run.status).toBe(2);
    const document = validateOutputJson(run.stdout);
    expect(document.error).toContain('nope/ does not exist');
    expect(document).not.toHaveProperty('summary');
    expect(document).not.toHaveProperty('findings');
  });
});

describe('a usage error', () => {
  it('is the only and last line, exit 2', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['--write', '--check']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(lastLine(run.stderr)).toBe('migrate-keys: --write and --check cannot be used together');
  });
});

describe('a file that cannot be parsed', () => {
  it('exit 2, the other files processed, the failure last and in place of the tally; JSON has `error` beside the findings', () => {
    const repo = commitAll(
      writeTree({
        'src/broken.ts': 'const key = import.meta.env.VITE_SUPABASE_ANON_KEY;\nexport const x = {{;\n',
        'src/ok.ts': 'export const key = import.meta.env.VITE_SUPABASE_ANON_KEY;\n',
      }),
    );
    const run = runCli(repo, ['--check']);
    expect(run.status).toBe(2);
    expect(run.stdout).not.toContain('✔');
    expect(run.stdout).toContain('src/ok.ts');
    expect(lastLine(run.stderr)).toMatch(/^migrate-keys: 1 file could not be read or parsed.*the other files were processed/);
    const json = runCli(repo, ['--check', '-f', 'json']);
    expect(json.status).toBe(2);
    const document = validateOutputJson(json.stdout);
    expect(document.error).toMatch(/the other files were processed/);
    expect(document.findings.some((f: { file: string }) => f.file === 'src/ok.ts')).toBe(true);
  });
});
