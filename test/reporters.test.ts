// Reporter tests: snapshots of every format on one fixture run, SARIF against the official schema, limits, escaping, masking.
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { github, stepSummary } from '../src/reporters/github.js';
import { html } from '../src/reporters/html.js';
import { markdown } from '../src/reporters/markdown.js';
import { sarif } from '../src/reporters/sarif.js';
import { json } from '../src/reporters/json.js';
import type { RunResult } from '../src/core/result.js';
import { RULES } from '../src/rules/index.js';
import type { Finding } from '../src/rules/rule.js';
import { FAKE_JWT, FAKE_JWT_PARTS, FAKE_SECRET_KEY, finding, sampleFindings, sampleRunResult } from './helpers/run-result.js';

// A CommonJS module whose types say `export default`: under NodeNext the class is `.default` (set at runtime too).
const Ajv = AjvDraft04.default;
const SCHEMA = JSON.parse(readFileSync(new URL('./schemas/sarif-2.1.0.json', import.meta.url), 'utf8')) as object;

/** The formats the SARIF schema uses; a URI reference must be percent-encoded (no spaces). */
const FORMATS = {
  uri: (value: string) => URL.canParse(value) && !/\s/.test(value),
  'uri-reference': (value: string) => URL.canParse(value, 'file:///root/') && !/\s|%(?![0-9A-F]{2})/i.test(value),
  'date-time': (value: string) => !Number.isNaN(Date.parse(value)),
};

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; defaultConfiguration?: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const parseSarif = (result: RunResult) => (JSON.parse(sarif(result)) as SarifLog).runs[0] as SarifLog['runs'][number];
const errors = (count: number): Finding[] =>
  Array.from({ length: count }, (_, i) => finding({ ruleId: 'secret-key-exposed', file: `src/f${String(i).padStart(2, '0')}.ts`, line: i + 1 }));

/** Every reporter of a whole run, by name. */
const REPORTERS = [
  ['sarif', sarif],
  ['github', github],
  ['step summary', stepSummary],
  ['markdown', markdown],
  ['html', html],
] as const;

describe('snapshots', () => {
  const result = sampleRunResult();
  it.each(REPORTERS)('%s', (_name, reporter) => {
    expect(reporter(result)).toMatchSnapshot();
  });
});

describe('sarif', () => {
  // unicodeRegExp off: the official schema's language pattern is not valid under the `u` flag.
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, formats: FORMATS }).compile(SCHEMA);
  it.each([
    ['the fixture run', sampleRunResult()],
    ['a clean run', sampleRunResult({ findings: [], outside: [] })],
  ])('validates against the official SARIF 2.1.0 schema: %s', (_name, result) => {
    const valid = validate(JSON.parse(sarif(result)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("a finding's other places (issue 27 item 3): relatedLocations in SARIF, `related` in JSON, valid against the schema", () => {
    const related = [{ file: 'src/a.ts', line: 3, column: 5 }, { file: 'src/a.ts', line: 9, column: 1 }];
    const result = sampleRunResult({ findings: [finding({ ruleId: 'bearer-api-key', file: 'src/a.ts', line: 2, related })] });
    const sarifLog = JSON.parse(sarif(result)) as { runs: { results: { relatedLocations?: unknown[] }[] }[] };
    expect(validate(sarifLog), JSON.stringify(validate.errors)).toBe(true);
    expect(sarifLog.runs[0]?.results[0]?.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'src/a.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5 } } },
      { id: 2, physicalLocation: { artifactLocation: { uri: 'src/a.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 1 } } },
    ]);
    expect((JSON.parse(json(result)) as { findings: { related?: unknown }[] }).findings[0]?.related).toEqual(related);
    const plain = JSON.parse(json(sampleRunResult({ findings: [finding({ ruleId: 'bearer-api-key', file: 'src/a.ts', line: 2 })] }))) as { findings: object[] };
    expect(plain.findings[0]).not.toHaveProperty('related');
  });

  it('describes every rule and reports only what remains, pointing at the right rule', () => {
    const run = parseSarif(sampleRunResult());
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(ids.slice(0, RULES.length)).toEqual(RULES.map((rule) => rule.meta.id));
    expect(run.results).toHaveLength(sampleFindings().filter((f) => !f.fixed).length);
    for (const result of run.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
    expect(run.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)).not.toContain('src/vite-env.d.ts');
    expect(run.results.find((r) => r.ruleId === 'unused-suppression')?.level).toBe('note');
    expect(run.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)).toContain('supabase/functions/hello%2C%20world/index.ts');
  });

  it('keeps fingerprints when every line shifts, and tells identical findings in one file apart', () => {
    const findings = [...sampleFindings(), finding({ ruleId: 'secret-key-exposed', file: 'src/a.ts', line: 2 }), finding({ ruleId: 'secret-key-exposed', file: 'src/a.ts', line: 9 })];
    const prints = (shift: number) =>
      parseSarif(sampleRunResult({ findings: findings.map((f) => ({ ...f, line: f.line + shift })) })).results.map((r) => r.partialFingerprints['migrateKeys/v1']);
    const before = prints(0);
    expect(prints(5)).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
    expect(before.every((print) => /^[0-9a-f]{64}$/.test(print ?? ''))).toBe(true);
  });
});

describe('github', () => {
  it('annotates at most 10 of a level, then says how many it left to the step summary', () => {
    const lines = github(sampleRunResult({ findings: errors(30) })).trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
    // Then the block of steps outside the repository (the sample's two places: a heading, and a place and a step each), then the tally.
    expect(lines).toHaveLength(11 + 5);
    expect(lines.at(-1)).toBe(
      'migrate-keys: 30 errors, 0 warnings, 0 infos remain. 20 not annotated (GitHub shows at most 10 of each level per step); the step summary lists all of them.',
    );
    expect(stepSummary(sampleRunResult({ findings: errors(30) })).match(/^\| error \|/gm)).toHaveLength(30);
  });

  it('puts the most severe first, within the limit of each level', () => {
    const mixed = [...errors(12), ...errors(12).map((f) => ({ ...f, severity: 'info' as const })), ...errors(12).map((f) => ({ ...f, severity: 'warning' as const }))];
    const commands = github(sampleRunResult({ findings: mixed })).split('\n').map((line) => /^::(\w+)/.exec(line)?.[1]).filter(Boolean);
    expect(commands).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')]);
  });

  it('escapes data and property values as workflow commands require', () => {
    const odd = finding({ ruleId: 'parse-error', file: 'docs/a:b,c%d.md', line: 3, column: 7, message: '50% done,\r\nnext: <b>' });
    expect(github(sampleRunResult({ findings: [odd] })).split('\n')[0]).toBe(
      '::error file=docs/a%3Ab%2Cc%25d.md,line=3,col=7,title=migrate-keys (parse-error)::50%25 done,%0D%0Anext: <b>',
    );
  });

  it('escapes pipes in the step summary table', () => {
    const summary = stepSummary(sampleRunResult());
    expect(summary).toContain('100% \\| expected `&&`');
    expect(summary).not.toMatch(/then gave up\n/);
  });
});

describe('markdown', () => {
  const report = markdown(sampleRunResult());

  it('has the rename table, counting fixed and open sites', () => {
    expect(report).toContain('| `VITE_SUPABASE_ANON_KEY` | `VITE_SUPABASE_PUBLISHABLE_KEY` | 3 | 3 |');
    expect(report).toContain('| `SUPABASE_SERVICE_ROLE_KEY` | `SUPABASE_SECRET_KEY` | 1 | 1 |');
  });

  it('lists manual actions by rule with links, leaving what --write fixes out', () => {
    expect(report).toContain('### secret-key-exposed: a secret/service_role key in a public env name or in browser code');
    expect(report).toMatch(/\n- \*\*error\*\*: Edge Functions get the new keys as JSON[^\n]*\n {2}- \[supabase\/functions\/hello, world\/index\.ts:9\]\(supabase\/functions\/hello%2C%20world\/index\.ts#L9\)\n/);
    expect(report).not.toContain('[src/lib/supabase.ts:4]');
    expect(report).toContain('[supabase/migrations/20240101000000_init.sql:12]');
  });

  it('has the six steps with their status, and the error strings under step 4', () => {
    const steps = report.match(/^\d\. (✅|⬜|⛔) \*\*/gm) ?? [];
    expect(steps.map((step) => step[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(report).toContain('5. ⛔ **Deactivate the legacy keys** (blocked)');
    expect(report).toMatch(/^4\. .*\n {3}- `Invalid JWT`/m);
    expect(report).toContain('   - `PGRST301` (PostgREST given a non-JWT Bearer token without the same key in apikey)');
  });

  it('lists the outside places, or says there are none', () => {
    expect(report).toContain('| github-secret | `VITE_SUPABASE_ANON_KEY` | `VITE_SUPABASE_PUBLISHABLE_KEY` | [.github/workflows/deploy.yml:9](.github/workflows/deploy.yml#L9) |');
    expect(markdown(sampleRunResult({ outside: [] }))).toContain('None found: no workflow, hosting or deployment file names a key.');
  });
});

describe('markdown for a pull-request comment', () => {
  const SHA = '0123456789abcdef0123456789abcdef01234567';
  const ACTIONS = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: SHA };
  const same = (file: string, line: number) => finding({ ruleId: 'hardcoded-key', file, line, message: 'a key value is written in the code: read it from the environment' });

  it('links to the commit on GitHub when the Actions variables are set, and relative to the repository otherwise', () => {
    const absolute = markdown(sampleRunResult(), { env: ACTIONS });
    expect(absolute).toContain(`[supabase/functions/hello, world/index.ts:9](https://github.com/acme/app/blob/${SHA}/supabase/functions/hello%2C%20world/index.ts#L9)`);
    expect(absolute).not.toMatch(/\]\((?!https:\/\/github\.com\/acme\/app\/blob\/)/);
    // Run in a folder of the checkout: links name the path from the repository's root.
    const nested = markdown({ ...sampleRunResult(), plan: { ...sampleRunResult().plan, root: '/w/app/web' } }, { env: { ...ACTIONS, GITHUB_WORKSPACE: '/w/app' } });
    expect(nested).toContain(`(https://github.com/acme/app/blob/${SHA}/web/src/broken.ts#L3)`);
    // A variable that is not what GitHub sets (no scheme, a path in the repository name) gives relative links.
    expect(markdown(sampleRunResult(), { env: { ...ACTIONS, GITHUB_REPOSITORY: 'acme/app/../x' } })).toContain('](src/broken.ts#L3)');
    expect(markdown(sampleRunResult(), { env: { ...ACTIONS, GITHUB_SERVER_URL: 'javascript:alert(1)' } })).toContain('](src/broken.ts#L3)');
  });

  it('folds each rule in a <details>, and says a repeated message once with its locations', () => {
    const report = markdown(sampleRunResult({ findings: [...sampleFindings(), same('src/b.ts', 2), same('src/a.ts', 5), same('src/c.ts', 1)] }));
    const rules = report.match(/^### /gm) ?? [];
    expect(report.match(/^<details( open)?><summary>/gm)).toHaveLength(rules.length);
    expect(report.match(/^<\/details>$/gm)).toHaveLength(rules.length);
    expect(report.match(/a key value is written in the code/g)).toHaveLength(1);
    expect(report).toContain('- **error**: a key value is written in the code: read it from the environment (3 places)\n  - [src/a.ts:5](src/a.ts#L5)\n  - [src/b.ts:2](src/b.ts#L2)\n  - [src/c.ts:1](src/c.ts#L1)\n');
  });

  it('lists the changed files with the rules whose fixes apply, and points step 1 at `keys --create`', () => {
    const report = markdown(sampleRunResult());
    expect(report).toContain('## Files to change');
    expect(report).toContain('| [src/lib/supabase.ts](src/lib/supabase.ts#L4) | 2 | `legacy-env-name` |');
    expect(report).toMatch(/^1\. .*\n {3}- .*`migrate-keys keys --create`/m);
  });

  it('stays under 65,536 characters however many findings, cutting between blocks and counting what it left out', () => {
    const many = Array.from({ length: 6000 }, (_, i) =>
      finding({ ruleId: i % 2 ? 'hardcoded-key' : 'secret-key-exposed', file: `src/deep/folder/f${i}.ts`, line: i + 1, message: `message number ${i} about a key` }),
    );
    const report = markdown(sampleRunResult({ findings: many }), { env: ACTIONS });
    expect(report.length).toBeLessThan(65_536);
    expect(report.length).toBeGreaterThan(60_000);
    const shown = report.match(/^ {2}- \[src\/deep/gm)?.length ?? 0;
    expect(report).toContain(`… and ${(6000 - shown).toLocaleString('en-US')} more findings in ${(6000 - shown).toLocaleString('en-US')} files: run \`migrate-keys --check\` locally`);
    expect(report.match(/<details/g)?.length).toBe(report.match(/<\/details>/g)?.length);
    expect(report).toContain('## Outside the repository');
    expect(report).toMatch(/\n6\. \S+ \*\*Rotate the legacy JWT secret\*\*[^\n]*\n$/);
    expect(markdown(sampleRunResult())).not.toContain('more findings in');
  });
});

describe('needs a person first', () => {
  const renames = Array.from({ length: 30 }, (_, i) =>
    finding({ ruleId: 'legacy-env-name', file: `src/a${String(i).padStart(2, '0')}.ts`, line: 1, fixable: true, message: 'rename it' }),
  );
  const exposed = finding({ ruleId: 'secret-key-exposed', file: 'src/z.ts', line: 1, message: 'ships to browsers' });
  const hardcoded = finding({ ruleId: 'hardcoded-key', file: 'src/y.ts', line: 1, message: 'written in the code' });
  const parse = finding({ ruleId: 'parse-error', file: 'src/x.ts', line: 1, message: 'not parsed' });

  it('annotates what --write cannot fix before the renames, security rules first', () => {
    const lines = github(sampleRunResult({ findings: [...renames, parse, hardcoded, exposed] })).split('\n').filter((line) => line.startsWith('::'));
    expect(lines).toHaveLength(10);
    expect(lines.slice(0, 3).map((line) => /\((.+)\)::/.exec(line)?.[1])).toEqual(['secret-key-exposed', 'hardcoded-key', 'parse-error']);
  });

  it('merges duplicate HTML rows and marks each row for the filters', () => {
    const page = html(sampleRunResult({ findings: [...renames, exposed] }));
    expect(page.match(/<tr data-rule="/g)).toHaveLength(2);
    expect(page).toMatch(/<tr data-rule="secret-key-exposed" data-severity="error" data-person="yes">[\s\S]*<tr data-rule="legacy-env-name" data-severity="error" data-person="no">/);
    expect(page).toContain('30 places');
    expect(page).toContain('<select id="severity-filter">');
    expect(page).toContain('<input type="checkbox" id="person-filter">');
  });
});

describe('html', () => {
  it('escapes every text and has one filterable row per remaining finding', () => {
    const page = html(sampleRunResult());
    expect(page).toContain('unexpected <code>&lt;</code> after 100% | expected <code>&amp;&amp;</code>');
    // The two open VITE_SUPABASE_ANON_KEY renames share a row.
    expect(page.match(/<tr data-rule="/g)).toHaveLength(sampleFindings().filter((f) => !f.fixed).length - 1);
    expect(page).toContain('<select id="rule-filter"><option value="all">all</option>');
    // Offline: nothing is loaded from elsewhere, and the only links out are the rules' docs pages.
    expect(page).not.toMatch(/\bsrc="(?:https?:)?\/\//);
    const outbound = [...page.matchAll(/\bhref="((?:https?:)?\/\/[^"]*)"/g)].map((match) => match[1]);
    expect(outbound.length).toBeGreaterThan(0);
    for (const url of outbound) expect(url).toMatch(/^https:\/\/github\.com\/migrate-keys\/migrate-keys\/blob\/v0\.1\.0\/docs\/rules\/[a-z0-9-]+\.md$/);
  });
});

describe('a clean run', () => {
  const clean = sampleRunResult({ findings: [], outside: [] });
  it('says so in every format', () => {
    expect(github(clean)).toBe('migrate-keys: 0 errors, 0 warnings, 0 infos remain.\n');
    expect(stepSummary(clean)).not.toContain('| Severity |');
    expect(markdown(clean)).toContain('None: nothing left needs a person.');
    expect(markdown(clean)).toContain('5. ⬜ **Deactivate the legacy keys** (todo)');
    expect(html(clean)).toContain('<p>No findings remain.</p>');
  });
});

describe('no key value in any report', () => {
  const result = sampleRunResult();
  it.each(REPORTERS)('%s', (_name, reporter) => {
    const output = reporter(result);
    for (const secret of [FAKE_JWT, FAKE_JWT_PARTS[0], FAKE_JWT_PARTS[1], FAKE_JWT_PARTS[2], FAKE_SECRET_KEY]) expect(output).not.toContain(secret);
    expect(output).toContain('legacy service_role JWT');
  });
});
