// One rule on tiny repositories, in the spirit of ESLint's RuleTester: valid cases where the rule says nothing,
// invalid cases with the findings it reports and the files its fix writes, and a second run proving the fix is
// idempotent. Each case is written to a temp folder and planned in this process, as the CLI plans it.
// Shared by test/rules/*.test.ts (two engineers wrote halves of them at once): keep changes backward compatible.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import type { NameMap } from '../../src/keys/names.js';
import { plan, type Plan } from '../../src/core/plan.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding, Severity } from '../../src/rules/rule.js';
import type { SuppliedKeys } from '../../src/keys/supplied.js';
import { git } from './repo.js';

/** What the CLI would be given: `--map`, the supplied keys, `--transitional`, `--unsafe`, `--rule`. */
interface RuleCaseOptions {
  map?: NameMap;
  supplied?: SuppliedKeys;
  transitional?: boolean;
  unsafe?: boolean;
  /** Rule settings, as `--rule` or the config file's `rules` give them. */
  severities?: Readonly<Record<string, Severity | 'off'>>;
  /**
   * Run every rule, as the CLI does. By default only the rule under test runs (the others are 'off'), so that
   * `output` is that rule's fix alone, as in ESLint's RuleTester.
   */
  allRules?: boolean;
  /**
   * Make the folder a git repository with every file committed (what a .gitignore covers stays untracked), for
   * rules that ask git what it tracks or ignores (signing-key-file). Without it the folder is not a repository.
   * `{ untracked }`: those files are left out of the commit, so that git neither tracks nor (unless a .gitignore
   * says so) ignores them.
   */
  git?: boolean | { untracked: readonly string[] };
}

/** The options can be given in `options` or on the case itself (`{ files, supplied: SUPPLIED, … }`); the case's own win. */
interface RuleCase extends RuleCaseOptions {
  /** The test's name; unique within the rule. */
  name: string;
  /**
   * The repository: path (POSIX, relative) -> text, or bytes for a file that is not UTF-8 text. A
   * `migrate-keys.config.json` among them is loaded as the CLI loads it.
   */
  files: Readonly<Record<string, string | Uint8Array>>;
  options?: RuleCaseOptions;
  only?: boolean;
}

// Key values for the cases: shaped like real ones and classified as such, issued by no one.
const b64 = (value: string) => Buffer.from(value).toString('base64url');
const fakeJwt = (role: string, iss = 'supabase') =>
  [b64('{"alg":"HS256","typ":"JWT"}'), b64(`{"iss":"${iss}","ref":"abcdefghijklmnopqrst","role":"${role}","iat":1700000000,"exp":2000000000}`), b64('not-a-real-signature')].join('.');

export const KEYS = {
  /** A legacy anon JWT of a hosted project. */
  anon: fakeJwt('anon'),
  /** A legacy service_role JWT of a hosted project. */
  serviceRole: fakeJwt('service_role'),
  /** The local CLI's kind of anon JWT (`iss: supabase-demo`). */
  demoAnon: fakeJwt('anon', 'supabase-demo'),
  publishable: 'sb_publishable_' + 'FakePublishableForTests_0123',
  secret: 'sb_secret_' + 'FakeSecretForTests_0123456789',
} as const;

/** New keys given to the run, as `--publishable-key-from` / `--secret-key-from` give them. */
export const SUPPLIED: SuppliedKeys = { publishable: KEYS.publishable, secret: KEYS.secret };

function optionsOf(c: RuleCase): RuleCaseOptions {
  const own: RuleCaseOptions = { map: c.map, supplied: c.supplied, transitional: c.transitional, unsafe: c.unsafe, severities: c.severities, allRules: c.allRules, git: c.git };
  const defined = Object.fromEntries(Object.entries(own).filter(([, value]) => value !== undefined)) as RuleCaseOptions;
  return { ...c.options, ...defined };
}

interface ExpectedFinding {
  /** The file; by default the case's first file. */
  file?: string;
  line: number;
  column?: number;
  /** The whole message, or a pattern it matches. */
  message?: string | RegExp;
  /** A part of the message. */
  messageIncludes?: string;
  /** The same as messageIncludes. */
  messageContains?: string;
  /** By default the rule's setting in `options.severities`, else its meta severity. */
  severity?: Severity;
  /** Whether the run would apply its fix (an unsafe fix only under `unsafe`); not checked unless given. */
  fixable?: boolean;
}

interface InvalidRuleCase extends RuleCase {
  /** Every finding of the rule, in file, line, column order (files by path). */
  findings: readonly ExpectedFinding[];
  /**
   * Every file the fix changes, with its whole text after the fix, byte for byte; files not listed must be left
   * as they are. Absent (or null): the run changes no file.
   */
  output?: Readonly<Record<string, string>> | null;
}

export interface RuleTests {
  valid: readonly RuleCase[];
  invalid: readonly InvalidRuleCase[];
}

interface PlannedCase {
  root: string;
  result: Plan;
  /** The findings of the rule under test, in file, line, column order. */
  findings: Finding[];
}

const roots: string[] = [];

/** Writes the case's files to a fresh temp folder and plans it as the CLI would. */
async function planCase(ruleId: string, files: Readonly<Record<string, string | Uint8Array>>, options: RuleCaseOptions = {}): Promise<PlannedCase> {
  const root = mkdtempSync(join(tmpdir(), `migrate-keys-rule-${ruleId}-`));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  if (options.git) {
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    const untracked = options.git === true ? [] : options.git.untracked;
    if (untracked.length > 0) git(root, 'rm', '-q', '--cached', '--', ...untracked);
    git(root, 'commit', '-q', '--allow-empty', '-m', 'initial');
  }
  return planRoot(ruleId, root, options);
}

async function planRoot(ruleId: string, root: string, options: RuleCaseOptions): Promise<PlannedCase> {
  const config = loadConfig(root);
  const severities: Record<string, Severity | 'off'> = { ...config.rules, ...options.severities };
  if (!options.allRules) {
    for (const rule of RULES) if (rule.meta.id !== ruleId) severities[rule.meta.id] = 'off';
  }
  const result = await plan({
    root,
    paths: [],
    ignore: config.ignore,
    map: { ...config.map, ...options.map },
    supplied: options.supplied ?? {},
    transitional: options.transitional ?? false,
    unsafe: options.unsafe ?? false,
    severities,
  });
  const findings = result.findings
    .filter((finding) => finding.ruleId === ruleId)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { root, result, findings };
}

const describeFinding = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity}${f.fixable ? ' (fixable)' : ''} ${f.message}`;

/** The changed files of a plan: path -> text after the fixes. */
function changedFiles(result: Plan): Record<string, string> {
  return Object.fromEntries(result.changes.map((change) => [change.path, change.after]));
}

/**
 * Registers a `describe(ruleId)` with one test per case. Valid: the rule reports nothing and nothing changes.
 * Invalid: exactly the expected findings of the rule, exactly the expected output, and, when the fix changed
 * anything, a second run on the fixed files changes nothing more and leaves no fixable finding of the rule.
 */
export function ruleTester(ruleId: string, tests: RuleTests): void {
  const rule = RULES.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`ruleTester: no rule "${ruleId}"`);
  const names = [...tests.valid, ...tests.invalid].map((c) => c.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new Error(`ruleTester(${ruleId}): two cases are named "${duplicate}"`);
  for (const c of [...tests.valid, ...tests.invalid]) {
    if (Object.keys(c.files).length === 0) throw new Error(`ruleTester(${ruleId}): "${c.name}" has no files`);
  }

  describe(ruleId, () => {
    afterAll(() => {
      for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
    });

    describe('valid', () => {
      for (const c of tests.valid) {
        (c.only ? it.only : it)(c.name, async () => {
          const options = optionsOf(c);
          const { result, findings } = await planCase(ruleId, c.files, options);
          expect(findings.map(describeFinding), `${ruleId} reports nothing`).toEqual([]);
          if (!options.allRules) expect(Object.keys(changedFiles(result)), 'nothing changes').toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const c of tests.invalid) {
        (c.only ? it.only : it)(c.name, async () => {
          if (c.findings.length === 0) throw new Error(`"${c.name}": an invalid case expects at least one finding`);
          const options = optionsOf(c);
          const { root, result, findings } = await planCase(ruleId, c.files, options);
          const first = Object.keys(c.files)[0] as string;
          const defaultSeverity = options.severities?.[ruleId] ?? rule.meta.severity;
          const part = (want: ExpectedFinding) => want.messageIncludes ?? want.messageContains;
          // Each actual finding is shown by what its expectation names, so that a mismatch diffs clearly.
          const shown = findings.map((finding, index) => {
            const want = c.findings[index];
            return {
              file: finding.file,
              line: finding.line,
              ...((want === undefined || want.column !== undefined) && { column: finding.column }),
              severity: finding.severity,
              ...((want === undefined || want.fixable !== undefined) && { fixable: finding.fixable }),
              ...((want === undefined || want.message !== undefined || part(want) !== undefined) && { message: finding.message }),
            };
          });
          const wanted = c.findings.map((want) => ({
            file: want.file ?? first,
            line: want.line,
            ...(want.column !== undefined && { column: want.column }),
            severity: want.severity ?? defaultSeverity,
            ...(want.fixable !== undefined && { fixable: want.fixable }),
            ...(want.message !== undefined && {
              message: typeof want.message === 'string' ? want.message : expect.stringMatching(want.message),
            }),
            ...(want.message === undefined && part(want) !== undefined && { message: expect.stringContaining(part(want) as string) }),
          }));
          expect(shown, `the findings of ${ruleId}`).toEqual(wanted);
          for (const [index, want] of c.findings.entries()) {
            if (want.message !== undefined && part(want) !== undefined) expect(findings[index]?.message, 'messageIncludes').toContain(part(want));
          }

          const changed = changedFiles(result);
          const output = c.output ?? {};
          // A file the fix creates (a new migration, issue 21) is not one of the case's files.
          const created = new Set(result.changes.filter((change) => change.created).map((change) => change.path));
          for (const path of Object.keys(output)) {
            if (!created.has(path)) expect(Object.keys(c.files), `output names ${path}, which is not a file of the case`).toContain(path);
          }
          // A listed file that the fix leaves alone is compared too: it must equal its input.
          const expected = Object.fromEntries(Object.entries(output).filter(([path, text]) => text !== c.files[path] || path in changed));
          expect(changed, 'the files after the fix').toEqual(expected);
          if (Object.keys(changed).length === 0) return;

          // Idempotent: the fixed files planned again change nothing, and no fixable finding of the rule is left.
          for (const [path, text] of Object.entries(changed)) writeFileSync(join(root, path), text);
          const again = await planRoot(ruleId, root, options);
          expect(Object.keys(changedFiles(again.result)), 'a second run changes nothing').toEqual([]);
          expect(again.findings.filter((f) => f.fixable).map(describeFinding), 'a second run has nothing left to fix').toEqual([]);
          for (const [path, text] of Object.entries(changed)) expect(readFileSync(join(root, path), 'utf8')).toBe(text);
        });
      }
    });
  });
}
