// End to end: supplied new keys, wrong-shape values and --transitional on examples/vite-react.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allOutput, exampleRepo, keyValuesIn, removeTempDirs, runCli, snapshot, tempDir } from './helpers/repo.js';

afterAll(removeTempDirs);

// Fake keys of the right shape: never real, never printed.
const PUBLISHABLE = 'sb_publishable_E2Ee2eE2Ee2eE2Ee2e1_abcdEFGH';
const SECRET = 'sb_secret_E2Ee2eE2Ee2eE2Ee2e22_abcdEFGH';
const SUPPLIED = { MIGRATE_KEYS_PUBLISHABLE_KEY: PUBLISHABLE, MIGRATE_KEYS_SECRET_KEY: SECRET };
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('supplied new keys', () => {
  it('replace the legacy JWTs of the matching role, keep placeholders, and leave nothing to warn about', () => {
    const repo = exampleRepo('vite-react');
    const write = runCli(repo, ['--write'], SUPPLIED);
    expect(write.status).toBe(0);
    expect(read(repo, '.env')).toBe(
      '# Supabase project settings (Dashboard > Project Settings > API)\n' +
        'VITE_SUPABASE_URL=https://qwhzkrtplmxvbnasdfgh.supabase.co\n' +
        `VITE_SUPABASE_PUBLISHABLE_KEY=${PUBLISHABLE}\n`,
    );
    expect(read(repo, '.env.local')).toContain(`SUPABASE_SECRET_KEY="${SECRET}"\n`);
    expect(read(repo, '.env.example')).toContain('VITE_SUPABASE_PUBLISHABLE_KEY=your-anon-key\n');
    const check = runCli(repo, ['--check', '--max-warnings', '0']);
    expect(check.stdout).toContain('no problems');
    expect(check.status).toBe(0);

    const undo = runCli(repo, ['undo']);
    expect(undo.status).toBe(0);
    expect(read(repo, '.env.local')).toContain('SUPABASE_SERVICE_ROLE_KEY="eyJ');
  });

  it('are read from files and from standard input', () => {
    const repo = exampleRepo('vite-react');
    const keyFile = join(tempDir(), 'publishable.txt');
    writeFileSync(keyFile, `${PUBLISHABLE}\n`);
    const run = runCli(repo, ['--write', '--publishable-key-from', keyFile, '--secret-key-from', '-'], {}, `${SECRET}\n`);
    expect(run.status).toBe(0);
    expect(read(repo, '.env')).toContain(`VITE_SUPABASE_PUBLISHABLE_KEY=${PUBLISHABLE}\n`);
    expect(read(repo, '.env.local')).toContain(`SUPABASE_SECRET_KEY="${SECRET}"\n`);
  });

  it.each([
    ['a secret offered as the publishable key', { MIGRATE_KEYS_PUBLISHABLE_KEY: SECRET }, 'holds a secret key'],
    ['a legacy JWT offered as the secret key', { MIGRATE_KEYS_SECRET_KEY: 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2ln' }, 'holds a legacy JWT'],
    ['garbage', { MIGRATE_KEYS_PUBLISHABLE_KEY: 'not-a-key' }, 'holds not a key'],
  ])('refuse %s with exit 2 and write nothing', (_what, env, message) => {
    const repo = exampleRepo('vite-react');
    const before = snapshot(repo);
    const run = runCli(repo, ['--write'], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(snapshot(repo)).toEqual(before);
  });

  it('refuse a missing key file with exit 2', () => {
    const repo = exampleRepo('vite-react');
    const run = runCli(repo, ['--check', '--secret-key-from', 'no-such-file']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--secret-key-from no-such-file: cannot read it (ENOENT)');
  });
});

describe('--transitional', () => {
  it('then a plain run gives the same files as one plain run', () => {
    const staged = exampleRepo('vite-react');
    const transitional = runCli(staged, ['--write', '--transitional'], SUPPLIED);
    // Every legacy .env line now stands beside its new line, every read falls back: the phase's check is green (SPEC §4).
    expect(transitional.status).toBe(0);
    expect(read(staged, 'src/lib/supabase.ts')).toContain(
      'import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY ?? import.meta.env.VITE_SUPABASE_ANON_KEY',
    );
    expect(read(staged, '.env')).toContain(`VITE_SUPABASE_ANON_KEY=eyJ`);
    expect(read(staged, '.env')).toContain(`VITE_SUPABASE_PUBLISHABLE_KEY=${PUBLISHABLE}\n`);
    const again = snapshot(staged);
    expect(runCli(staged, ['--write', '--transitional', '--allow-dirty'], SUPPLIED).status).toBe(0);
    expect(snapshot(staged)).toEqual(again);
    expect(runCli(staged, ['--write', '--allow-dirty'], SUPPLIED).status).toBe(0);

    const direct = exampleRepo('vite-react');
    expect(runCli(direct, ['--write'], SUPPLIED).status).toBe(0);
    const withoutState = (tree: Record<string, string>) =>
      Object.fromEntries(Object.entries(tree).filter(([path]) => !path.startsWith('.migrate-keys/')));
    expect(withoutState(snapshot(staged))).toEqual(withoutState(snapshot(direct)));
  });
});

describe('secrecy', () => {
  it('never prints a supplied key or a key value of the example', () => {
    const repo = exampleRepo('vite-react');
    const secrets = [PUBLISHABLE, SECRET, ...keyValuesIn(repo)];
    for (const args of [[], ['--transitional'], ['--format', 'json'], ['--check']]) runCli(repo, args, SUPPLIED);
    const output = allOutput.join('\n');
    expect(output).toContain('sb_publishable_…[redacted]');
    for (const secret of secrets) {
      expect(output).not.toContain(secret);
      for (const part of secret.split(/[._]/).filter((p) => p.length > 12)) expect(output).not.toContain(part);
    }
  });
});
