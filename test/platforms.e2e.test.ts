// Issue 23: a tiny real project per platform (test/fixtures/platforms/<name>/), run as a user runs the CLI on a fresh
// repository of it. The written tree is test/fixtures/platforms/<name>.expected/ byte for byte (gitignored files included:
// a local.properties or a Secrets.xcconfig is renamed with the rest), a second --write changes nothing, and every link
// of the key's chain — where the value is defined, the config that passes it on, the code that reads it — names the new
// key after the run.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, commitAll, expectNotPrinted, keyValuesIn, removeTempDirs, runCli, tempDir } from './helpers/repo.js';

const PLATFORMS = join(REPO_ROOT, 'test', 'fixtures', 'platforms');

/** path -> text of every file under dir, but git's and the backups'. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === '.migrate-keys') continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[relative(dir, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/** A fresh repository of the fixture, committed as its own .gitignore says (ignored files stay untracked). */
function project(name: string): string {
  const dir = tempDir(`migrate-keys-${name}-`);
  cpSync(join(PLATFORMS, name), dir, { recursive: true });
  return commitAll(dir);
}

/** Every match's first group, in one file. */
const namesIn = (text: string, pattern: RegExp): string[] => Array.from(text.matchAll(pattern), (match) => match[1] as string);

interface Link {
  file: string;
  pattern: RegExp;
}

/** The chain of each platform: at every link, the names the key goes by (the URL's name is not the key's). */
const CHAINS: Record<string, readonly Link[]> = {
  'flutter-app': [
    { file: 'Makefile', pattern: /--dart-define=(\w+_KEY)=/g },
    { file: '.github/workflows/build.yml', pattern: /--dart-define=(\w+_KEY)=/g },
    { file: '.vscode/launch.json', pattern: /--dart-define=(\w+_KEY)=/g },
    { file: 'config/dev.json', pattern: /"(\w+_KEY)"\s*:/g },
    { file: '.env', pattern: /^(\w+_KEY)=/gm },
    { file: 'lib/env.dart', pattern: /String\.fromEnvironment\('(\w+_KEY)'\)/g },
    { file: 'lib/env.dart', pattern: /dotenv\.env\['(\w+_KEY)'\]/g },
  ],
  'android-app': [
    { file: 'local.properties', pattern: /^(\w+_KEY)=/gm },
    { file: 'gradle.properties', pattern: /^(\w+_KEY)=/gm },
    { file: '.github/workflows/android.yml', pattern: /-P(\w+_KEY)=/g },
    { file: 'app/build.gradle.kts', pattern: /buildConfigField\("String", "(\w+_KEY)", "\\"\$\{setting\("(?:\1)"\)\}\\""\)/g },
    { file: 'wear/build.gradle', pattern: /buildConfigField "String", "(\w+_KEY)", "\\"\$\{project\.findProperty\('(?:\1)'\) \?: ''\}\\""/g },
    { file: 'app/src/main/java/com/example/notes/SupabaseModule.kt', pattern: /supabaseKey = BuildConfig\.(\w+),/g },
  ],
  'ios-app': [
    { file: 'Config/Secrets.xcconfig', pattern: /^(\w+_KEY) = /gm },
    { file: 'Config/Secrets.example.xcconfig', pattern: /^(\w+_KEY) = /gm },
    { file: 'Config/Secrets.xcconfig.example', pattern: /^(\w+_KEY) = /gm },
    { file: 'Notes/Info.plist', pattern: /<key>(\w+_KEY)<\/key>\s*<string>\$\((?:\1)\)<\/string>/g },
    { file: 'Notes/Supabase.swift', pattern: /supabaseKey: Config\.value\("(\w+)"\)/g },
    { file: 'Notes.xcodeproj/xcshareddata/xcschemes/Notes.xcscheme', pattern: /key = "(\w+_KEY)" value = "\$\((?:\1)\)"/g },
    { file: 'NotesTests/SupabaseTests.swift', pattern: /environment\["(\w+)"\]/g },
  ],
  // SUPABASE_KEY, Streamlit's connection setting, is a neutral name: it stays, and its value is judged (legacy-key-value).
  'python-service': [
    { file: '.env.example', pattern: /^(SUPABASE_ANON_KEY|SUPABASE_PUBLISHABLE_KEY)=/gm },
    { file: 'app/settings.py', pattern: /^\s+(supabase_\w+_key): str$/gm },
    { file: 'app/main.py', pattern: /settings\.(supabase_\w+_key)\)/g },
    { file: 'dashboard/.streamlit/secrets.toml', pattern: /^(SUPABASE_(?:ANON|PUBLISHABLE)_KEY) = /gm },
    { file: 'dashboard/streamlit_app.py', pattern: /st\.secrets\["(\w+_KEY)"\]/g },
  ],
  // Bruno reads the collection's .env file: its references follow the renamed keys.
  'api-collections': [
    { file: 'bruno/.env', pattern: /^(SUPABASE_ANON_KEY|SUPABASE_PUBLISHABLE_KEY)=/gm },
    { file: 'bruno/environments/local.bru', pattern: /anonKey: \{\{process\.env\.(\w+)\}\}/g },
  ],
};

describe.each(Object.keys(CHAINS))('the %s fixture', (name) => {
  afterAll(removeTempDirs);

  it('is written as its .expected tree, byte for byte, and a second run changes nothing', () => {
    const dir = project(name);
    // What is left after the write decides the exit code: the API collections keep findings only a person can fix.
    const exit = name === 'api-collections' ? 1 : 0;
    const run = runCli(dir, ['--write']);
    expect(run.status, run.stderr).toBe(exit);
    expect(tree(dir)).toEqual(tree(join(PLATFORMS, `${name}.expected`)));
    const again = runCli(dir, ['--write']);
    expect(again.status, again.stderr).toBe(exit);
    expect(again.stdout).toMatch(/ 0 files changed \(0 edits\)/);
    expect(tree(dir)).toEqual(tree(join(PLATFORMS, `${name}.expected`)));
  });

  it('names the publishable key at every link of the chain, before the run the legacy one', () => {
    for (const [root, expected] of [
      [join(PLATFORMS, name), 'SUPABASE_ANON_KEY'],
      [join(PLATFORMS, `${name}.expected`), 'SUPABASE_PUBLISHABLE_KEY'],
    ] as const) {
      for (const link of CHAINS[name] as readonly Link[]) {
        const found = namesIn(readFileSync(join(root, link.file), 'utf8'), link.pattern);
        expect(found.length, `${link.file}: ${String(link.pattern)}`).toBeGreaterThan(0);
        // pydantic-settings reads a field in lower case.
        const want = found.every((name) => name === name.toLowerCase()) ? expected.toLowerCase() : expected;
        expect(new Set(found), `${root === join(PLATFORMS, name) ? 'before' : 'after'}: ${link.file}`).toEqual(new Set([want]));
      }
    }
  });
});

describe('findings on the platform fixtures', () => {
  afterAll(() => {
    // No key value of any fixture was printed by any run of this file: not in findings, diffs or the summary.
    expectNotPrinted(Object.keys(CHAINS).flatMap((name) => keyValuesIn(join(PLATFORMS, name))));
    removeTempDirs();
  });

  const findings = (name: string) => {
    const run = runCli(project(name), ['--check', '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    return (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; fixable: boolean; message: string }[] }).findings;
  };

  it('Flutter: anonKey: becomes publishableKey: where pubspec.lock locks supabase_flutter 2.13.0 or later', () => {
    const found = findings('flutter-app').filter((f) => f.ruleId === 'sdk-key-parameter');
    expect(found).toEqual([expect.objectContaining({ file: 'lib/main.dart', fixable: true })]);
    expect(found[0]?.message).toContain('locks 2.14.0');
  });

  it("API collections and workflows: other tools' exports are reported with where to change them, never edited", () => {
    const dir = project('api-collections');
    const exports = ['postman/Supabase.postman_collection.json', 'postman/Production.postman_environment.json', 'insomnia/Insomnia_export.json', 'n8n/sync-orders.json'];
    const before = tree(dir);
    expect(runCli(dir, ['--write']).status).toBe(1);
    for (const path of exports) expect(tree(dir)[path], path).toBe(before[path]);
    const found = findings('api-collections');
    const byFile = (file: string) => found.filter((f) => f.file === file && f.ruleId === 'tool-export-key').map((f) => f.message);
    // A literal by its value, masked; a Bearer-sent key; a legacy name with its new one; n8n's credential.
    expect(byFile('postman/Supabase.postman_collection.json')).toEqual([
      expect.stringMatching(/^a Postman collection sends `\{\{anon_key\}\}` as `Authorization: Bearer`/),
      expect.stringMatching(/^a Postman collection sends `\{\{service_role_key\}\}` as `Authorization: Bearer`/),
      expect.stringMatching(/^the legacy service_role key \(`eyJhbGci…\[legacy service_role JWT\]`\) is in a Postman collection, so it has leaked/),
    ]);
    expect(byFile('postman/Production.postman_environment.json')).toEqual([
      expect.stringMatching(/^`SUPABASE_ANON_KEY` is a legacy key name in a Postman environment: rename it `SUPABASE_PUBLISHABLE_KEY` in Postman/),
      expect.stringMatching(/^the legacy anon key .* is in a Postman environment and stops working/),
    ]);
    expect(byFile('insomnia/Insomnia_export.json')).toEqual([
      expect.stringMatching(/^an Insomnia export sends `\{\{supabase_key\}\}` as `Authorization: Bearer`/),
      expect.stringMatching(/^a secret key \(`sb_secret_…\[redacted\]`\) is in an Insomnia export, so it has leaked/),
    ]);
    expect(byFile('n8n/sync-orders.json')).toEqual([
      expect.stringMatching(/^`SUPABASE_SERVICE_ROLE_KEY` is a legacy key name in an n8n workflow: rename it `SUPABASE_SECRET_KEY`/),
      expect.stringMatching(/^an n8n workflow sends `\{\{SUPABASE_SERVICE_ROLE_KEY\}\}` as `Authorization: Bearer`/),
      expect.stringMatching(/^`SUPABASE_SERVICE_ROLE_KEY` is a legacy key name in an n8n workflow/),
      expect.stringMatching(/^an n8n workflow uses n8n's Supabase credential "Supabase account"/),
    ]);
    // Reported once: hardcoded-key leaves exports to tool-export-key.
    expect(found.filter((f) => f.ruleId === 'hardcoded-key' && exports.includes(f.file))).toEqual([]);
    // Bruno's requests are plain text: its Bearer-sent key is bearer-api-key's.
    expect(found.filter((f) => f.ruleId === 'bearer-api-key').map((f) => f.file)).toEqual(['bruno/list-users.bru']);
  });

  it('every fixture reports the renames it makes, and the settings files that hold the legacy anon key', () => {
    for (const name of Object.keys(CHAINS)) {
      const found = findings(name);
      expect(found.filter((f) => f.ruleId === 'legacy-env-name').every((f) => f.fixable), name).toBe(true);
    }
    const python = findings('python-service');
    expect(python.filter((f) => f.ruleId === 'legacy-key-value').map((f) => [f.file, /^`(\w+)`/.exec(f.message)?.[1]])).toEqual([
      ['dashboard/.streamlit/secrets.toml', 'SUPABASE_ANON_KEY'],
      ['dashboard/.streamlit/secrets.toml', 'SUPABASE_KEY'],
    ]);
    expect(python.filter((f) => f.ruleId === 'sdk-version').map((f) => f.file)).toEqual(['requirements.txt']);
    // local.properties is gitignored and read all the same: its legacy value is reported under the key's new name after the run.
    expect(findings('android-app').filter((f) => f.ruleId === 'legacy-key-value').map((f) => f.file)).toEqual(['local.properties']);
    const ios = findings('ios-app').filter((f) => f.ruleId === 'hardcoded-key');
    expect(ios).toEqual([expect.objectContaining({ file: 'Config/Secrets.xcconfig' })]);
    expect(ios[0]?.message).toContain('replace it with the publishable key');
  });
});
