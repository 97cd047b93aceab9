// Issue 26, "a complete transitional write": every read shape plain --write renames gets a new-first fallback under
// --write --transitional, which --check --transitional then reports as info; a second transitional write changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/in-process.js';
import { exampleRepo, removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const PACKAGE = { 'package.json': JSON.stringify({ name: 'app', type: 'module', dependencies: { '@supabase/supabase-js': '^2.112.0' } }) };
const legacyLines = (output: string) => output.split('\n').filter((line) => /legacy-env-name/.test(line) && !/\binfo\b/.test(line));

interface Staged {
  repo: string;
  files: Record<string, string>;
  text: (path: string) => string;
}

async function transitionalWrite(files: Record<string, string>): Promise<Staged> {
  const repo = writeTree({ ...PACKAGE, ...files });
  await runMain(repo, ['--write', '--transitional']);
  return { repo, files, text: (path) => readFileSync(join(repo, path), 'utf8') };
}

/**
 * --check --transitional reports no legacy use; a second transitional write changes nothing; and the final run then
 * leaves what one plain run leaves on the original files (SPEC §4: the repo moves phase to phase, no trace of the phase).
 */
async function expectSettled({ repo, files }: Staged, paths: string[]): Promise<string> {
  const check = await runMain(repo, ['--check', '--transitional']);
  expect(legacyLines(check.stdout)).toEqual([]);
  const read = (root: string) => paths.map((path) => readFileSync(join(root, path), 'utf8'));
  const before = read(repo);
  await runMain(repo, ['--write', '--transitional']);
  expect(read(repo)).toEqual(before);
  await runMain(repo, ['--write', '--allow-dirty']);
  const direct = writeTree({ ...PACKAGE, ...files });
  await runMain(direct, ['--write']);
  expect(read(repo)).toEqual(read(direct));
  return check.stdout;
}

describe('destructuring from the env object', () => {
  const CASES: [string, string, string][] = [
    [
      'Vite, with a default',
      "const { VITE_SUPABASE_URL: url, VITE_SUPABASE_ANON_KEY: anonKey = '' } = import.meta.env\nexport { url, anonKey }\n",
      "const { VITE_SUPABASE_URL: url, VITE_SUPABASE_PUBLISHABLE_KEY: anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY ?? '' } = import.meta.env\nexport { url, anonKey }\n",
    ],
    [
      'Vite, without a default',
      'const { VITE_SUPABASE_ANON_KEY: anonKey } = import.meta.env\nexport { anonKey }\n',
      'const { VITE_SUPABASE_PUBLISHABLE_KEY: anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY } = import.meta.env\nexport { anonKey }\n',
    ],
    [
      'Node, shorthand',
      'const { SUPABASE_SERVICE_ROLE_KEY } = process.env\nexport { SUPABASE_SERVICE_ROLE_KEY }\n',
      'const { SUPABASE_SECRET_KEY: SUPABASE_SERVICE_ROLE_KEY = process.env.SUPABASE_SERVICE_ROLE_KEY } = process.env\nexport { SUPABASE_SERVICE_ROLE_KEY }\n',
    ],
    [
      'Node, a default that needs parentheses',
      "const { SUPABASE_SERVICE_ROLE_KEY: key = fallback || '' } = process.env\nexport { key }\n",
      "const { SUPABASE_SECRET_KEY: key = process.env.SUPABASE_SERVICE_ROLE_KEY ?? (fallback || '') } = process.env\nexport { key }\n",
    ],
  ];
  for (const [title, before, after] of CASES) {
    it(`${title}: the new name first, the legacy read as its default; info afterwards, and a second write changes nothing`, async () => {
      const path = title.startsWith('Vite') ? 'src/config.ts' : 'server/config.ts';
      const staged = await transitionalWrite({ [path]: before });
      expect(staged.text(path)).toBe(after);
      const output = await expectSettled(staged, [path]);
      // A variable named after the key on the same line is absorbed by the fallback (one rename, one line: core/dedupe.ts).
      expect(output).toMatch(/info\s+transitional fallback/);
    });
  }
});

describe('fallback chains people wrote before', () => {
  const CASES: [string, string, string][] = [
    [
      'the wrong way round: the legacy read moves behind the new one',
      'export const key = process.env.SUPABASE_SERVICE_ROLE_KEY || process.env.SUPABASE_SECRET_KEY\n',
      'export const key = process.env.SUPABASE_SECRET_KEY || process.env.SUPABASE_SERVICE_ROLE_KEY\n',
    ],
    [
      'a custom legacy name first, then the new and the legacy one',
      'export const key = process.env.CUSTOM_SUPABASE_SERVICE_KEY || process.env.SUPABASE_SECRET_KEY || process.env.SUPABASE_SERVICE_ROLE_KEY\n',
      'export const key = (process.env.CUSTOM_SUPABASE_SECRET_KEY ?? process.env.CUSTOM_SUPABASE_SERVICE_KEY) || process.env.SUPABASE_SECRET_KEY || process.env.SUPABASE_SERVICE_ROLE_KEY\n',
    ],
  ];
  for (const [title, before, after] of CASES) {
    it(`${title}; the final run leaves what one plain run leaves`, async () => {
      const path = 'server/key.ts';
      const staged = await transitionalWrite({ [path]: before });
      expect(staged.text(path)).toBe(after);
      await expectSettled(staged, [path]);
    });
  }
});

describe('writes to the env (a test setup)', () => {
  it('stay on the legacy name until the final run (readers fall back to it), parse, and are info meanwhile', async () => {
    const path = 'src/test/setup.ts';
    const before =
      "process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = 'test-anon-key'\nprocess.env.SUPABASE_SERVICE_ROLE_KEY ??= 'test-secret'\n" +
      'delete process.env.SUPABASE_SERVICE_ROLE_KEY\nexport const key = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY\n';
    const staged = await transitionalWrite({ [path]: before });
    expect(staged.text(path)).toBe(
      before.replace(
        'export const key = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY',
        'export const key = process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY',
      ),
    );
    const output = await expectSettled(staged, [path]);
    expect(output).toMatch(/info\s+transitional write: .*the final run renames it/);
  });
});

describe('type declarations', () => {
  it('gain the new member, optional, before the legacy one; info afterwards, and a second write changes nothing', async () => {
    const path = 'src/vite-env.d.ts';
    const before =
      '/// <reference types="vite/client" />\n\ninterface ImportMetaEnv {\n  readonly VITE_SUPABASE_URL: string\n  readonly VITE_SUPABASE_ANON_KEY: string\n}\n';
    const staged = await transitionalWrite({ [path]: before });
    expect(staged.text(path)).toBe(before.replace('  readonly VITE_SUPABASE_ANON_KEY', '  readonly VITE_SUPABASE_PUBLISHABLE_KEY?: string\n  readonly VITE_SUPABASE_ANON_KEY'));
    await expectSettled(staged, [path]);
  });

  it('on one line, with separators', async () => {
    const path = 'src/env.d.ts';
    const before = 'declare const env: { SUPABASE_URL: string; SUPABASE_SERVICE_ROLE_KEY?: string; }\nexport { env }\n';
    const staged = await transitionalWrite({ [path]: before });
    expect(staged.text(path)).toBe(
      'declare const env: { SUPABASE_URL: string; SUPABASE_SECRET_KEY?: string; SUPABASE_SERVICE_ROLE_KEY?: string; }\nexport { env }\n',
    );
    await expectSettled(staged, [path]);
  });
});

describe('env templates', () => {
  for (const path of ['.env.example', 'apps/web/.env.local.example', '.env_sample']) {
    it(`${path}: the new name, with the placeholder, on a line before the legacy one, which stays; quiet afterwards`, async () => {
      const before =
        '# Copy to .env\nVITE_SUPABASE_URL=https://your-project-ref.supabase.co\nVITE_SUPABASE_ANON_KEY=your-anon-key\n\n# server only\nexport SUPABASE_SERVICE_ROLE_KEY="your-service-role-key"\n';
      const staged = await transitionalWrite({ [path]: before });
      expect(staged.text(path)).toBe(
        '# Copy to .env\nVITE_SUPABASE_URL=https://your-project-ref.supabase.co\nVITE_SUPABASE_PUBLISHABLE_KEY=your-anon-key\nVITE_SUPABASE_ANON_KEY=your-anon-key\n\n' +
          '# server only\nexport SUPABASE_SECRET_KEY="your-service-role-key"\nexport SUPABASE_SERVICE_ROLE_KEY="your-service-role-key"\n',
      );
      await expectSettled(staged, [path]);
    });
  }

  it("the local stack's demo key is copied (it is public, and the final rename keeps it); an empty value stays empty", async () => {
    const demo = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
    const before = `# local dev\nNEXT_PUBLIC_SUPABASE_ANON_KEY="${demo}"\nNEXT_PUBLIC_SUPABASE_URL="http://127.0.0.1:54321"\nSUPABASE_SERVICE_ROLE_KEY=\n\nSTRIPE_SECRET_KEY=\n`;
    const staged = await transitionalWrite({ '.env.local.example': before });
    expect(staged.text('.env.local.example')).toBe(
      `# local dev\nNEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY="${demo}"\nNEXT_PUBLIC_SUPABASE_ANON_KEY="${demo}"\nNEXT_PUBLIC_SUPABASE_URL="http://127.0.0.1:54321"\n` +
        'SUPABASE_SECRET_KEY=\nSUPABASE_SERVICE_ROLE_KEY=\n\nSTRIPE_SECRET_KEY=\n',
    );
    await expectSettled(staged, ['.env.local.example']);
  });

  it('a template without a line ending at its end: the new line goes after the last one', async () => {
    const staged = await transitionalWrite({ '.env.example': 'SUPABASE_SERVICE_ROLE_KEY=' });
    expect(staged.text('.env.example')).toBe('SUPABASE_SERVICE_ROLE_KEY=\nSUPABASE_SECRET_KEY=');
    await expectSettled(staged, ['.env.example']);
  });
});

describe('examples/vite-react', () => {
  it('--write --transitional, then --check --transitional passes with infos and warnings only; a second write changes nothing', async () => {
    const repo = exampleRepo('vite-react');
    await runMain(repo, ['--write', '--transitional']);
    const check = await runMain(repo, ['--check', '--transitional']);
    expect(check.stdout).not.toMatch(/^\s+\d+:\d+\s+error\b/m);
    expect(check.code).toBe(0);
    const paths = ['src/lib/config.ts', 'src/lib/supabase.ts', 'src/vite-env.d.ts', '.env.example', 'scripts/seed.ts'];
    const before = paths.map((path) => readFileSync(join(repo, path), 'utf8'));
    await runMain(repo, ['--write', '--transitional']);
    expect(paths.map((path) => readFileSync(join(repo, path), 'utf8'))).toEqual(before);
    expect(readFileSync(join(repo, 'src/lib/config.ts'), 'utf8')).toMatch(
      "VITE_SUPABASE_PUBLISHABLE_KEY: anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY ?? '',",
    );
  });
});

describe('what waits for the final run', () => {
  it('text that names the key is info under --transitional, an error without it; a lookup by string stays an error', async () => {
    const repo = writeTree({
      ...PACKAGE,
      'src/a.ts':
        "// Reads VITE_SUPABASE_ANON_KEY from .env\nexport const hint = 'Set VITE_SUPABASE_ANON_KEY in .env'\nexport const key = getEnv('VITE_SUPABASE_ANON_KEY')\ndeclare function getEnv(name: string): string\n",
    });
    const transitional = await runMain(repo, ['--check', '--transitional']);
    const lines = transitional.stdout.split('\n').filter((line) => line.includes('legacy-env-name'));
    expect(lines.filter((line) => /\binfo\s+`VITE_SUPABASE_ANON_KEY` is a legacy key name in text, not a read/.test(line)).map((l) => l.trim().split(/\s+/)[0])).toEqual(['1:10', '2:26']);
    expect(lines.filter((line) => /\berror\b/.test(line)).map((l) => l.trim().split(/\s+/)[0])).toEqual(['3:28']);
    const plain = await runMain(repo, ['--check']);
    expect(plain.stdout).not.toMatch(/in text, not a read/);
    expect(plain.code).toBe(1);
  });
});
