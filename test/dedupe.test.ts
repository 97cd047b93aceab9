// Issue 27 item 3: one problem, one finding. The plan reports a problem once, at its root (the env key, the assignment,
// the first read), with its other places in `related` and counted in its message; src/core/dedupe.ts holds the rules.
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../src/core/plan.js';
import { loadConfig } from '../src/core/config.js';
import { dedupeFindings } from '../src/core/dedupe.js';
import type { Finding } from '../src/rules/rule.js';
import { removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const USES_SUPABASE = { 'src/supabase.ts': 'export const url = process.env.SUPABASE_URL\n' };

async function findingsOf(files: Record<string, string>): Promise<Finding[]> {
  const root = writeTree({ ...USES_SUPABASE, ...files });
  const config = loadConfig(root);
  const result = await plan({ root, paths: [], ignore: config.ignore, map: config.map });
  return result.findings;
}

const inFile = (findings: Finding[], file: string) => findings.filter((f) => f.file === file);

describe('one problem, one finding (plan)', () => {
  it('a workflow env key and the secret it reads on one line: one finding at the env key', async () => {
    const file = '.github/workflows/ci.yml';
    const findings = inFile(
      await findingsOf({
        [file]:
          'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run build\n        env:\n' +
          '          VITE_SUPABASE_ANON_KEY: ${{ secrets.VITE_SUPABASE_ANON_KEY }}\n',
      }),
      file,
    );
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.fixable])).toEqual([['legacy-env-name', 8, 11, true]]);
    expect(findings[0]!.related).toEqual([{ file, line: 8, column: 47 }]);
  });

  it('a read and its error text on one line: one finding at the read', async () => {
    const file = 'src/server.ts';
    const findings = inFile(
      await findingsOf({ [file]: "export const key = process.env.SUPABASE_SERVICE_ROLE_KEY ?? (() => { throw new Error('SUPABASE_SERVICE_ROLE_KEY missing') })()\n" }),
      file,
    );
    expect(findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['legacy-env-name', 1, 32]]);
    expect(findings[0]!.related).toEqual([{ file, line: 1, column: 87 }]);
  });

  it('every use of one shell variable: one finding, the other uses related', async () => {
    const file = 'scripts/call.sh';
    const findings = inFile(
      await findingsOf({
        [file]:
          '#!/bin/sh\nKEY=$SUPABASE_SERVICE_ROLE_KEY\n' +
          [1, 2, 3, 4, 5].map((n) => `curl -H "apikey: $KEY" -H "Authorization: Bearer $KEY" https://x.supabase.co/rest/v1/t${n}\n`).join(''),
      }),
      file,
    ).filter((f) => f.ruleId === 'bearer-api-key');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.line).toBe(3);
    expect(findings[0]!.related?.map((r) => r.line)).toEqual([4, 5, 6, 7]);
    expect(findings[0]!.message).toMatch(/ \(and 4 more places in this file: lines 4, 5, 6, 7\)$/);
  });
});

describe('dedupeFindings', () => {
  const base: Finding = { ruleId: 'legacy-env-name', severity: 'error', file: 'a.ts', line: 1, column: 1, message: '`X_KEY` m', fixable: false, fixed: false };

  it('a fixable and an unfixable finding for the same read: the fixable one wins and keeps its fix', () => {
    const out = dedupeFindings([
      { ...base, column: 3, message: '`X_KEY` is kept here' },
      { ...base, column: 3, fixable: true, message: '`X_KEY` other words' },
    ]);
    expect(out).toEqual([{ ...base, column: 3, fixable: true, message: '`X_KEY` other words', related: [{ file: 'a.ts', line: 1, column: 3 }] }]);
  });

  it('one rule, one line, the same rename or the same words: one finding, the first place', () => {
    const rename = { from: 'X_KEY', to: 'Y_KEY' };
    const out = dedupeFindings([
      { ...base, column: 9, fixable: true, rename },
      { ...base, column: 3, fixable: true, rename, message: '`X_KEY` m2' },
    ]);
    expect(out.map((f) => f.column)).toEqual([9]);
    expect(dedupeFindings([base, { ...base, column: 7 }]).map((f) => [f.column, f.related])).toEqual([[1, [{ file: 'a.ts', line: 1, column: 7 }]]]);
  });

  it('one rule, one file, the same words about one named thing, not fixable: one finding, the others counted in the message', () => {
    const named: Finding = { ...base, ruleId: 'bearer-api-key', message: 'the key (`KEY`) is sent as Bearer: send it in apikey' };
    const out = dedupeFindings([named, { ...named, line: 4 }, { ...named, line: 6, column: 2 }]);
    expect(out).toEqual([
      { ...named, message: `${named.message} (and 2 more places in this file: lines 4, 6)`, related: [{ file: 'a.ts', line: 4, column: 1 }, { file: 'a.ts', line: 6, column: 2 }] },
    ]);
    // Fixable places, or words that name nothing, stay apart.
    const apart: Finding[] = [
      { ...named, fixable: true },
      { ...named, line: 4, fixable: true },
      { ...base, ruleId: 'bearer-api-key', line: 8, message: 'the secret key is sent as Bearer' },
      { ...base, ruleId: 'bearer-api-key', line: 9, message: 'the secret key is sent as Bearer' },
    ];
    expect(dedupeFindings(apart)).toEqual(apart);
  });

  it('cross-rule duplicates on one line for one name: the more specific rule stays', () => {
    const out = dedupeFindings([
      { ...base, column: 3, fixable: true },
      { ...base, ruleId: 'secret-key-exposed', column: 3, message: '`X_KEY` is exposed' },
    ]);
    expect(out.map((f) => f.ruleId)).toEqual(['secret-key-exposed']);
  });

  it('different names, files, fixability or rules stay apart', () => {
    const findings: Finding[] = [
      base,
      { ...base, column: 5, message: '`Y_KEY` m', fixable: true },
      { ...base, file: 'b.ts' },
      { ...base, line: 2, fixable: true },
      { ...base, line: 3, ruleId: 'hardcoded-key' },
    ];
    expect(dedupeFindings(findings)).toEqual(findings);
  });
});
