// Fixture pairs in __testfixtures__/other-kinds: CI, container, deploy-config, shell, Python, Go and Dart files.
// Each case is <case>/input/<path> and <case>/output/<path>, one file each; the repo-relative path decides the kind.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fileKind } from '../src/file-kinds.js';
import type { FilePlan } from '../src/file-plan.js';
import { findOutside } from '../src/outside/index.js';
import { planBytes } from './helpers/fixtures.js';

const DIR = fileURLToPath(new URL('../__testfixtures__/other-kinds/', import.meta.url));
/** Cases whose file must be reported as unparseable and left byte for byte as it is. */
const PARSE_ERROR_CASES = new Set(['yaml-parse-error']);

/** Every file under dir, relative to it, `/`-separated (dot-folders such as .github included). */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The files of each half of a case (none when the half is missing). */
function halves(name: string): { input: string[]; output: string[] } {
  const list = (half: string) => {
    try {
      return filesUnder(join(DIR, name, half));
    } catch {
      return [];
    }
  };
  return { input: list('input'), output: list('output') };
}

/** Runs the core on one file's bytes, as the CLI does for a single file. */
function run(path: string, bytes: Buffer): { plan: FilePlan; bytes: Buffer } {
  const plan = planBytes(path, bytes);
  return { plan, bytes: Buffer.from(plan.after, 'utf8') };
}

describe('other-kinds fixtures', () => {
  it('has cases, each with exactly one input file and one output file at the same path', () => {
    expect(cases.length).toBeGreaterThan(0);
    const top = readdirSync(DIR, { withFileTypes: true }).filter((entry) => !entry.isDirectory());
    expect(top.map((entry) => entry.name), 'loose files next to the cases').toEqual([]);
    for (const name of cases) {
      expect(readdirSync(join(DIR, name)).sort(), `${name} holds input/ and output/ only`).toEqual(['input', 'output']);
      const { input, output } = halves(name);
      expect(input, `${name}/input holds one file`).toHaveLength(1);
      expect(output, `${name}/output holds one file`).toHaveLength(1);
      expect(output, `${name}: the output sits at the input's path`).toEqual(input);
    }
  });

  it('covers every file kind beyond JS/TS', () => {
    const kinds = new Set(cases.flatMap((name) => halves(name).input.map((path) => fileKind(path))));
    for (const kind of ['yaml', 'dockerfile', 'config', 'commands', 'python', 'source'] as const) expect(kinds).toContain(kind);
  });

  it.each(cases)('%s', (name) => {
    const [path] = halves(name).input as [string];
    const input = readFileSync(join(DIR, name, 'input', path));
    const output = readFileSync(join(DIR, name, 'output', path));

    const first = run(path, input);
    expect(first.bytes.toString('utf8'), `${path}: input → output`).toBe(output.toString('utf8'));
    expect(first.bytes.equals(output), `${path}: input → output, byte for byte`).toBe(true);
    const second = run(path, output);
    expect(second.bytes.equals(output), `${path}: a second run changes nothing`).toBe(true);

    const parseErrors = first.plan.findings.filter((finding) => finding.ruleId === 'parse-error');
    if (PARSE_ERROR_CASES.has(name)) {
      expect(parseErrors, `${path} is reported as unparseable`).toHaveLength(1);
      expect(output.equals(input), `${path}: an unparseable file is left as it is`).toBe(true);
    } else {
      expect(parseErrors, `${path} parses`).toEqual([]);
      expect(output.equals(input), `${path}: the case renames something`).toBe(false);
      // Whatever is left after the run is not a legacy name the tool could still rename.
      expect(second.plan.findings.filter((finding) => finding.ruleId === 'legacy-env-name')).toEqual([]);
    }
  });
});

/** The text a single-file run leaves. */
function after(path: string, text: string): string {
  return run(path, Buffer.from(text, 'utf8')).plan.after;
}

// Known bugs: each case states what the tool should do; `it.fails` until it does.
describe('other-kinds: known bugs', () => {
  // Was a bug (src/scan.ts, src/collisions.ts): names in YAML, JSON, TOML and other text kinds carry no
  // namespace, so the collision check never sees them. A legacy key beside its new name (or two legacy
  // names that map to one) in one mapping becomes a duplicate key, and the file no longer parses.
  // Expected: as in .env files, not two keys of one name — keep the names and report them (or retire the legacy one).
  it('a YAML mapping holding a legacy key and its new name does not become a duplicate key', () => {
    const text = 'env:\n  SUPABASE_SERVICE_ROLE_KEY: ${{ secrets.SUPABASE_SERVICE_ROLE_KEY }}\n  SUPABASE_SECRET_KEY: ${{ secrets.SUPABASE_SECRET_KEY }}\n';
    expect(parseDocument(text).errors).toEqual([]);
    expect(parseDocument(after('.github/workflows/deploy.yml', text)).errors).toEqual([]);
  });

  it('a JSON object holding two legacy keys of one new name does not get a duplicate key', () => {
    const text = '{\n  "env": {\n    "SUPABASE_SERVICE_ROLE_KEY": "@service-role",\n    "SUPABASE_SERVICE_KEY": "@service-role"\n  }\n}\n';
    const keys = after('vercel.json', text).match(/"SUPABASE_SECRET_KEY":/g) ?? [];
    expect(keys.length).toBeLessThanOrEqual(1);
  });

  // Was a bug (src/keys.ts namePattern, used by src/scan.ts): Cloud Build user substitutions must start with
  // `_`, and the `(?<![A-Za-z0-9_])` boundary makes `_SUPABASE_ANON_KEY` invisible, so it is neither
  // renamed nor reported, while src/outside/cloud-build.ts lists it with newName
  // `_SUPABASE_PUBLISHABLE_KEY`: the report tells the user to set a substitution the file never reads.
  // Expected: `_SUPABASE_ANON_KEY` renamed to `_SUPABASE_PUBLISHABLE_KEY` in cloudbuild files, at every site.
  it('Cloud Build substitutions named after a legacy key are renamed, as the outside list says', () => {
    const text = [
      'steps:',
      '  - name: gcr.io/cloud-builders/docker',
      '    args: ["build", "--build-arg", "NEXT_PUBLIC_SUPABASE_ANON_KEY=${_SUPABASE_ANON_KEY}", "."]',
      'substitutions:',
      '  _SUPABASE_ANON_KEY: set-on-the-trigger',
      '',
    ].join('\n');
    expect(after('cloudbuild.yaml', text)).toBe(text.replace(/SUPABASE_ANON_KEY/g, 'SUPABASE_PUBLISHABLE_KEY'));
  });

  // Was a bug (src/scan.ts lowerCaseNames): the lower-case pattern is `pattern.source.toLowerCase()`, which
  // also lower-cases the word boundaries (`[A-Za-z0-9_]` → `[a-za-z0-9_]`), so an upper-case letter no
  // longer ends a name: `supabase_anon_keyV2` and `Xsupabase_anon_key` are renamed as if they were
  // `supabase_anon_key`. Expected: other names, left alone.
  it('Python: a lower-case legacy name running into upper-case letters is another name', () => {
    const text = 'key = settings.supabase_anon_keyV2\nother = Xsupabase_anon_key\n';
    expect(after('backend/settings.py', text)).toBe(text);
  });

  // Was a bug (src/outside/docker.ts BUILD_ARG): `--build-arg[\s=]+([A-Za-z_]…)` does not allow a quote, so
  // the common quoted form `--build-arg "X=$X"` (or `--build-arg='X=…'`) is not listed as a docker
  // build arg outside the repository. Expected: listed like the unquoted form.
  it('a quoted --build-arg is listed among the outside places', () => {
    const text = 'docker build --build-arg "NEXT_PUBLIC_SUPABASE_ANON_KEY=$NEXT_PUBLIC_SUPABASE_ANON_KEY" -t web .\n';
    const outside = findOutside([{ path: 'scripts/deploy.sh', kind: 'commands', text }]);
    expect(outside.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['docker-build-arg NEXT_PUBLIC_SUPABASE_ANON_KEY']);
  });
});
