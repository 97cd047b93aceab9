// Other file kinds (YAML, JSON, Cloud Build, Python, Docker commands): bugs that were found in them, kept as small
// cases. They state properties (the output still parses, a name is listed outside), not a whole output, so they are
// not fixture pairs; those are in __testfixtures__/other-kinds, run by test/fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findOutside } from '../src/outside/index.js';
import { planBytes } from './helpers/fixtures.js';

/** The text a single-file run leaves. */
function after(path: string, text: string): string {
  return planBytes(path, Buffer.from(text, 'utf8')).after;
}

// Each case states what the tool should do (they were `it.fails` while the bug was open).
describe('other kinds: bugs that were fixed', () => {
  // Was a bug (src/core/scan.ts, src/core/collisions.ts): names in YAML, JSON, TOML and other text kinds carry no
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

  // Was a bug (src/keys/names.ts namePattern, used by src/core/scan.ts): Cloud Build user substitutions must start with
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

  // Was a bug (src/core/scan.ts lowerCaseNames): the lower-case pattern is `pattern.source.toLowerCase()`, which
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
