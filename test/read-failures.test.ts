// Files the run could not read or decode (not UTF-8, binary or UTF-16, over 4 MiB, unreadable) are parse-error
// findings that take the path every rule finding takes: `--rule` and the config's `rules` set their severity or
// turn them off. Their message, position and default severity stay; while the rule is on, the run exits 2 (it
// could not handle a file) whatever the severity; turned off, the user has accepted those files, and the exit
// code follows the remaining findings. The CLI runs in-process, with an EACCES injected into node:fs for the
// unreadable file: tests run as root here, where chmod denies nothing.
import type * as fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { plan } from '../src/core/plan.js';
import { MAX_FILE_BYTES } from '../src/core/read.js';
import { runMain } from './helpers/in-process.js';
import { removeTempDirs, writeTree } from './helpers/repo.js';

const UNREADABLE = 'sealed.ts';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const readFileSync = ((...args: Parameters<typeof actual.readFileSync>) => {
    if (String(args[0]).endsWith(`/${UNREADABLE}`)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return actual.readFileSync(...args);
  }) as typeof actual.readFileSync;
  return { ...actual, readFileSync, default: { ...actual, readFileSync } };
});

afterAll(removeTempDirs);

const LINE = 'export const key = process.env.SUPABASE_ANON_KEY;\n';
const CLEAN = 'export const key = process.env.SUPABASE_PUBLISHABLE_KEY;\n';

/** Each kind of file the run cannot handle, holding a legacy name, and the message it is reported with. */
const FAILURES: [kind: string, path: string, content: string | Buffer, message: string][] = [
  ['not UTF-8', 'latin1.ts', Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${LINE}`)]), 'mentions SUPABASE_ANON_KEY but is not UTF-8, so it was not changed; rename it by hand'],
  ['UTF-16', 'utf16.ts', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LINE, 'utf16le')]), 'mentions SUPABASE_ANON_KEY but is binary or UTF-16, so it was not changed; rename it by hand'],
  ['over 4 MiB', 'big.ts', `${LINE}${'/'.repeat(MAX_FILE_BYTES)}\n`, 'mentions SUPABASE_ANON_KEY but is larger than 4 MiB, so it was not changed; rename it by hand'],
  ['unreadable', UNREADABLE, LINE, 'could not be read (EACCES), so it was not changed'],
];

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
  fixable: boolean;
  fixed: boolean;
}

async function check(files: Record<string, string | Buffer>, args: string[] = []): Promise<{ code: number; findings: JsonFinding[] }> {
  const run = await runMain(writeTree(files), ['--check', '--format', 'json', ...args]);
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
}

describe.each(FAILURES)('a file the run cannot handle (%s)', (_kind, path, content, message) => {
  const expected = (severity: string) => ({ ruleId: 'parse-error', severity, file: path, line: 1, column: 1, message, fixable: false, fixed: false });

  it('is a parse-error finding at 1:1, an error, and the run exits 2', async () => {
    const run = await check({ [path]: content, 'clean.ts': CLEAN });
    expect(run.findings).toEqual([expected('error')]);
    expect(run.code).toBe(2);
  });

  it('--rule parse-error=off silences it, and the exit code follows the remaining findings', async () => {
    const clean = await check({ [path]: content, 'clean.ts': CLEAN }, ['--rule', 'parse-error=off']);
    expect(clean.findings).toEqual([]);
    expect(clean.code).toBe(0);

    const legacy = await check({ [path]: content, 'legacy.ts': LINE }, ['--rule', 'parse-error=off']);
    expect(legacy.findings.map((f) => [f.ruleId, f.file])).toEqual([['legacy-env-name', 'legacy.ts']]);
    expect(legacy.code).toBe(1);
  });

  it('the config\'s "rules" sets its severity, and --rule overrides the config; the run still exits 2', async () => {
    const files = { [path]: content, 'clean.ts': CLEAN, 'migrate-keys.config.json': JSON.stringify({ rules: { 'parse-error': 'warning' } }) };
    const warning = await check(files);
    expect(warning.findings).toEqual([expected('warning')]);
    expect(warning.code).toBe(2);

    const info = await check(files, ['--rule', 'parse-error=info']);
    expect(info.findings).toEqual([expected('info')]);
    expect(info.code).toBe(2);
  });

  it('the config\'s "rules" turns it off', async () => {
    const run = await check({ [path]: content, 'clean.ts': CLEAN, 'migrate-keys.config.json': JSON.stringify({ rules: { 'parse-error': 'off' } }) });
    expect(run.findings).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('a file the run cannot handle, in the terminal report', () => {
  it('is listed with its severity from --rule, and counted under it', async () => {
    const [, path, content, message] = FAILURES[0] as (typeof FAILURES)[number];
    const root = writeTree({ [path]: content });
    const warning = await runMain(root, ['--check', '--rule', 'parse-error=warning']);
    expect(warning.stdout).toMatch(new RegExp(`latin1\\.ts\\n\\s+1:1\\s+warning\\s+${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+parse-error`));
    expect(warning.stdout).toContain('1 problem (0 errors, 1 warning, 0 infos)');
    expect(warning.code).toBe(2);

    const off = await runMain(root, ['--check', '--rule', 'parse-error=off']);
    expect(off.stdout).not.toContain('latin1.ts');
    expect(off.stdout).toContain('no problems');
    expect(off.code).toBe(0);
  });
});

describe('a file the run cannot handle, in the plan', () => {
  it('with parse-error off, is still a failed file (the legacy-keys gate cannot rule out legacy use there), and an accepted one', async () => {
    const [, path, content] = FAILURES[0] as (typeof FAILURES)[number];
    const root = writeTree({ [path]: content, 'clean.ts': CLEAN });
    const off = await plan({ root, paths: [], ignore: [], map: {}, severities: { 'parse-error': 'off' } });
    expect(off.findings).toEqual([]);
    expect(off.failed).toEqual([path]);
    expect(off.accepted).toEqual([path]);
    const on = await plan({ root, paths: [], ignore: [], map: {}, severities: { 'parse-error': 'info' } });
    expect(on.findings.map((f) => [f.ruleId, f.severity, f.file])).toEqual([['parse-error', 'info', path]]);
    expect(on.failed).toEqual([path]);
    expect(on.accepted).toEqual([]);
  });
});

describe('a file with a syntax error', () => {
  const BROKEN = 'export const key = process.env.SUPABASE_ANON_KEY (\n';

  it('exits 2 while parse-error is on, and is accepted like a read failure when it is off', async () => {
    const root = writeTree({ 'broken.ts': BROKEN, 'clean.ts': CLEAN });
    expect((await runMain(root, ['--check'])).code).toBe(2);
    const off = await runMain(root, ['--check', '--rule', 'parse-error=off', '--rule', 'legacy-env-name=off']);
    expect(off.stdout).toContain('no problems');
    expect(off.code).toBe(0);
  });
});
