// Issue 26: env files by every common name, and by content where the name says env. Each name in its own repository:
// `--check` reports the legacy name in it, `--write` renames it and leaves every other byte as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/in-process.js';
import { commitAll, removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const LEGACY = 'VITE_SUPABASE_ANON_KEY';
const NEW = 'VITE_SUPABASE_PUBLISHABLE_KEY';
const DOTENV = `# Supabase (Dashboard > Project Settings > API)\nVITE_SUPABASE_URL=http://127.0.0.1:54321\n${LEGACY}=your-anon-key\n\nOTHER_SETTING="a b"  # kept\n`;
const ENVRC = `# direnv\nsource_up\nexport VITE_SUPABASE_URL=http://127.0.0.1:54321\nexport ${LEGACY}="your-anon-key"\nPATH_add bin\n`;

interface Finding {
  ruleId: string;
  file: string;
}

async function checkAndWrite(path: string, text: string): Promise<{ found: string[]; after: string }> {
  const dir = commitAll(writeTree({ [path]: text }));
  const check = await runMain(dir, ['--check', '--format', 'json']);
  const findings = (JSON.parse(check.stdout) as { findings: Finding[] }).findings;
  await runMain(dir, ['--write']);
  return { found: findings.filter((f) => f.ruleId === 'legacy-env-name').map((f) => f.file), after: readFileSync(join(dir, path), 'utf8') };
}

describe('env files by name (issue 26)', () => {
  it.each([
    '.env',
    '.env.local',
    '.env.production.local',
    'app.env',
    '.env-example',
    '.env-template',
    '.env_sample',
    'env.example',
    'env.local',
    'example.env',
    'sample.env',
    'config/dev.env',
    'secrets.env.example',
    'apps/web/.env.example',
  ])('%s: --check finds the legacy name, --write renames it byte-exact', async (path) => {
    const { found, after } = await checkAndWrite(path, DOTENV);
    expect(found).toContain(path);
    expect(after).toBe(DOTENV.replace(LEGACY, NEW));
  });

  it('.envrc: the `export` lines are renamed as shell, the direnv commands stay', async () => {
    const { found, after } = await checkAndWrite('.envrc', ENVRC);
    expect(found).toContain('.envrc');
    expect(after).toBe(ENVRC.replace(LEGACY, NEW));
  });
});

describe('env files by content where the name says env (issue 26)', () => {
  it.each(['env.txt', 'config/supabase-env.txt', 'env', 'local.env.bak', 'ENV_VARS'])(
    '%s holding only NAME=value lines and comments is an env file',
    async (path) => {
      const { found, after } = await checkAndWrite(path, DOTENV);
      expect(found).toContain(path);
      expect(after).toBe(DOTENV.replace(LEGACY, NEW));
    },
  );
});

describe('env files by name, gitignored (issue 26, SPEC §5: env files are found even when ignored)', () => {
  it('every name is found and renamed though .gitignore ignores it', async () => {
    const paths = ['env.local', 'config/dev.env', '.env-local', '.env_local', 'app.env.local', '.envrc'];
    const files = Object.fromEntries(paths.map((path) => [path, path === '.envrc' ? ENVRC : DOTENV]));
    const dir = commitAll(writeTree({ '.gitignore': 'env.local\n*.env\n.env*\n.envrc\n', ...files }));
    const check = await runMain(dir, ['--check', '--format', 'json']);
    const found = new Set((JSON.parse(check.stdout) as { findings: Finding[] }).findings.map((f) => f.file));
    expect([...found].sort()).toEqual([...paths].sort());
    await runMain(dir, ['--write']);
    for (const path of paths) expect(readFileSync(join(dir, path), 'utf8')).toBe((files[path] as string).replace(LEGACY, NEW));
  });
});

describe('not env files by content (issue 26)', () => {
  it.each([
    // Prose in a file whose name says env: text, read only for key literals.
    ['env.txt', `Set ${LEGACY} in the dashboard, then run the app.\n${LEGACY}=your-anon-key\n`],
    // NAME=value lines under a name that does not say env.
    ['settings.txt', DOTENV],
    ['environment.txt', DOTENV],
    // JSON named after env files (env-cmd's rc file).
    ['.env-cmdrc', `{ "dev": { "${LEGACY}": "your-anon-key" } }\n`],
  ])('%s is left as it is', async (path, text) => {
    const { found, after } = await checkAndWrite(path, text);
    expect(found).not.toContain(path);
    expect(after).toBe(text);
  });
});
