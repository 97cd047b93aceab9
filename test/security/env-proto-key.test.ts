// A .env key named like an Object.prototype property: dotenv's parse result is an object, so
// `parsed["__proto__"]` was Object.prototype itself and the run crashed with a stack trace.
import { afterAll, describe, expect, it } from 'vitest';
import { envEntries } from '../../src/file-kinds/env-entries.js';
import { jwt } from '../helpers/fake-api.js';
import { removeTempDirs, runCli, writeTree } from '../helpers/repo.js';

afterAll(removeTempDirs);

const serviceRole = jwt({ iss: 'supabase', ref: 'qwhzkrtplmxvbnasdfgh', role: 'service_role' });

describe('a .env key named __proto__, constructor or toString', () => {
  it('each entry holds its own value as a string', () => {
    const entries = envEntries(`__proto__=1\nconstructor="two"\ntoString=${serviceRole}\n`);
    expect(entries.map((entry) => [entry.key, entry.value])).toEqual([
      ['__proto__', '1'],
      ['constructor', 'two'],
      ['toString', serviceRole],
    ]);
  });

  it('the CLI renames the file and judges the values, without crashing', () => {
    const root = writeTree({ '.env': `SUPABASE_ANON_KEY=x\n__proto__=${serviceRole}\nconstructor=1\n` });
    const run = runCli(root, ['--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; line: number }[] }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'legacy-env-name', line: 1 }));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'legacy-key-value', line: 2 }));
  });
});
