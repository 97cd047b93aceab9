// Minified and generated files (issue 18, item 18): committed bundles, `*.min.js`, a `//# sourceMappingURL=` comment,
// a line over 1,000 characters (code and markup only), files marked `linguist-generated` in a `.gitattributes`.
// They are reported, never edited, and decided before any parse: their source is what gets migrated.
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../src/core/plan.js';
import { removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

async function planTree(files: Record<string, string>, options: { unsafe?: boolean } = {}) {
  return plan({ root: writeTree(files), paths: [], ignore: [], map: {}, ...options });
}

const changed = (result: Awaited<ReturnType<typeof planTree>>) => result.changes.map((c) => c.path).sort();
const LEGACY_READ = 'const k=process.env.SUPABASE_ANON_KEY;';
const longLine = (inner: string) => `var a=[${Array.from({ length: 300 }, (_, i) => i).join(',')}];${inner}\n`;

describe('generated files', () => {
  it('are reported by legacy-env-name and never edited: *.min.js, a source map comment, a line over 1,000 characters', async () => {
    const result = await planTree({
      'public/vendor/supabase.min.js': `${LEGACY_READ}\n`,
      'docs/assets/index-3f2a.js': longLine(LEGACY_READ),
      'lib/client.js': `${LEGACY_READ}\n//# sourceMappingURL=client.js.map\n`,
      'src/config.ts': 'export const key = process.env.SUPABASE_ANON_KEY\n',
    });
    expect(changed(result)).toEqual(['src/config.ts']);
    const generated = result.findings.filter((f) => f.ruleId === 'legacy-env-name' && f.file !== 'src/config.ts');
    expect(generated.map((f) => [f.file, f.line, f.fixable])).toEqual([
      ['docs/assets/index-3f2a.js', 1, false],
      ['lib/client.js', 1, false],
      ['public/vendor/supabase.min.js', 1, false],
    ]);
    expect(generated.map((f) => f.message)).toEqual([
      '`SUPABASE_ANON_KEY` is a legacy key name in a generated file (line 1 is over 1,000 characters long), not edited: regenerate it from its source',
      '`SUPABASE_ANON_KEY` is a legacy key name in a generated file (it has a sourceMappingURL comment), not edited: regenerate it from its source',
      '`SUPABASE_ANON_KEY` is a legacy key name in a generated file (a .min.js file), not edited: regenerate it from its source',
    ]);
  });

  it('are what .gitattributes marks linguist-generated, in any kind; -linguist-generated and deeper files unmark', async () => {
    const result = await planTree({
      '.gitattributes': '# generated\nsrc/gen/** linguist-generated=true\n*.lock.yml linguist-generated\nsrc/gen/keep.ts -linguist-generated\n',
      'src/gen/types.ts': 'export const key = process.env.SUPABASE_ANON_KEY\n',
      'src/gen/keep.ts': 'export const key = process.env.SUPABASE_ANON_KEY\n',
      '.github/workflows/ci.lock.yml': 'env:\n  SUPABASE_ANON_KEY: x\n',
      'web/.gitattributes': 'api.ts linguist-generated\n',
      'web/api.ts': 'export const key = process.env.SUPABASE_ANON_KEY\n',
      'web/deeper/api.ts': 'export const key = process.env.SUPABASE_ANON_KEY\n',
      'server/.gitattributes': 'api.ts linguist-generated=false\n',
      'server/api.ts': 'export const key = process.env.SUPABASE_ANON_KEY\n',
    });
    expect(changed(result)).toEqual(['server/api.ts', 'src/gen/keep.ts']);
    const reasons = result.findings.filter((f) => f.ruleId === 'legacy-env-name' && !f.fixable).map((f) => [f.file, f.message.includes('(linguist-generated in .gitattributes)')]);
    expect(reasons).toEqual([
      ['.github/workflows/ci.lock.yml', true],
      ['src/gen/types.ts', true],
      ['web/api.ts', true],
      ['web/deeper/api.ts', true],
    ]);
  });

  it('content tests apply to code and markup only: a .env or YAML file with a long line is renamed', async () => {
    const long = 'x'.repeat(1200);
    const result = await planTree({
      '.env': `SUPABASE_ANON_KEY=${long}\n`,
      'docker-compose.yml': `services:\n  api:\n    environment:\n      SUPABASE_ANON_KEY: ${long}\n`,
      'README.md': `Set SUPABASE_ANON_KEY. ${long}\n//# sourceMappingURL=x.map\n`,
    });
    expect(changed(result)).toEqual(['.env', 'README.md', 'docker-compose.yml']);
  });

  it('no rule edits one, even with --unsafe, and none parses it', async () => {
    const bundle = longLine('fetch(u,{headers:{Authorization:`Bearer ${process.env.SUPABASE_ANON_KEY}`}});');
    const result = await planTree({ 'docs/assets/app.js': bundle, 'package.json': '{"dependencies":{"@supabase/supabase-js":"2.50.0"}}\n' }, { unsafe: true });
    expect(result.changes).toEqual([]);
    const findings = result.findings.filter((f) => f.file === 'docs/assets/app.js');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => !f.fixable)).toBe(true);
    expect(result.parses.parses).toBe(0);
  });
});
