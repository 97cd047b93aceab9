// A file with thousands of renamed lines: the preview's diff was quadratic (jsdiff's line diff: 5,000
// lines took 7.5 s, 20,000 five minutes). Renames pair line i with line i, so that diff is linear now,
// and a diff that adds lines gives up past a bound instead of hanging.
import { createRequire } from 'node:module';
import type * as Diff from 'diff';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { colorsFor } from '../../src/reporters/colors.js';
import type { FileChange } from '../../src/core/plan.js';
import { pairedPatch, unifiedDiff } from '../../src/reporters/diff.js';
import { spawnSync } from 'node:child_process';
import { CLI, git, removeTempDirs, writeTree } from '../helpers/repo.js';

afterAll(removeTempDirs);

const { applyPatch, parsePatch } = createRequire(import.meta.url)('diff') as typeof Diff;

describe('pairedPatch', () => {
  it('is a patch jsdiff applies to turn the old text into the new one', () => {
    const line = fc.constantFrom('a', 'b', 'SUPABASE_ANON_KEY=1', '', ' x', 'c\r');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(39)), fc.boolean(), (lines, edits, finalNewline) => {
        const after: string[] = [...lines];
        for (const i of edits) if (i < after.length) after[i] = `${after[i]}_NEW`;
        const join = (list: string[]) => list.join('\n') + (finalNewline ? '\n' : '');
        const patch = pairedPatch('a/x', 'b/x', join(lines), join(after));
        // A final newline gained or lost, or an empty text gaining a line, is jsdiff's case.
        if (patch === undefined) {
          const [old, now] = [join(lines), join(after)];
          expect(old.endsWith('\n') !== now.endsWith('\n') || old === '').toBe(true);
          return;
        }
        expect(parsePatch(patch as string)).toHaveLength(1);
        expect(applyPatch(join(lines), patch as string)).toBe(join(after));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves texts whose line counts differ to jsdiff', () => {
    expect(pairedPatch('a/x', 'b/x', 'a\n', 'a\nb\n')).toBeUndefined();
    expect(pairedPatch('a/x', 'b/x', 'a\n', 'a')).toBeUndefined();
  });
});

describe('the preview of a file with 20,000 renamed lines', () => {
  const env = Array.from({ length: 20_000 }, (_, i) => `VITE_SUPABASE_ANON_KEY=placeholder-${i}\n`).join('');

  it('shows the diff, in seconds', { timeout: 60_000 }, () => {
    const root = writeTree({ '.env.example': env });
    git(root, 'init', '-q', '-b', 'main');
    const started = performance.now();
    const preview = runCliLarge(root, []);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(preview.split('\n').filter((l) => l.startsWith('+VITE_SUPABASE_PUBLISHABLE_KEY='))).toHaveLength(20_000);
  });

});

describe('a diff that adds thousands of lines', () => {
  it('says it is too large to show instead of running for minutes', { timeout: 60_000 }, () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `line ${i}\n`).join('');
    const after = before.replace(/^line (\d+)$/gm, 'line $1\nadded $1');
    const change: FileChange = { path: 'big.txt', absolutePath: '/nowhere/big.txt', kind: 'text', original: Buffer.from(before), before, after, edits: 20_000 };
    const started = performance.now();
    const shown = unifiedDiff([change], colorsFor(false));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(shown).toBe('--- a/big.txt\n+++ b/big.txt\n  (too many lines changed to show a diff; migrate-keys --write, then git diff, shows it)\n');
  });

  it('a few added lines are still shown by jsdiff', () => {
    const change: FileChange = { path: 'small.txt', absolutePath: '/nowhere/small.txt', kind: 'text', original: Buffer.from('a\n'), before: 'a\n', after: 'a\nb\n', edits: 1 };
    expect(unifiedDiff([change], colorsFor(false))).toBe('--- a/small.txt\n+++ b/small.txt\n@@ -1,1 +1,2 @@\n a\n+b\n');
  });
});

/** The preview's stdout, which is larger than spawnSync's default buffer. */
function runCliLarge(root: string, args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return result.stdout;
}
