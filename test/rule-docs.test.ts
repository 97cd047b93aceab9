// The rule docs against the rules' metadata: the pages, README's table and `migrate-keys rules` are regenerated in memory and
// compared byte for byte, every rule cites Supabase, and every docs example is planned to hold it to what the tool does.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/in-process.js';
import { colorsFor } from '../src/reporters/colors.js';
import { fileKind } from '../src/file-kinds/index.js';
import { planFile, type PlanFileOptions } from '../src/core/file-plan.js';
import { namePattern } from '../src/keys/names.js';
import { plan } from '../src/core/plan.js';
import { html } from '../src/reporters/html.js';
import { sarif } from '../src/reporters/sarif.js';
import {
  README_KINDS_START,
  README_RULES_END,
  README_RULES_START,
  renderKindTable,
  renderRulePage,
  renderRuleTable,
  REPOSITORY_URL,
  ruleDocsUrl,
  rulePagePath,
  withKindTable,
  withRuleTable,
} from '../src/rules/docs.js';
import { kindDocs } from '../src/file-kinds/index.js';
import { ruleExplanation, rulesCatalogue } from '../src/commands/rules.js';
import { RULES } from '../src/rules/index.js';
import type { RuleExample, RuleMeta } from '../src/rules/rule.js';
import { sampleRunResult } from './helpers/run-result.js';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const manifest = JSON.parse(read('package.json')) as { version: string; repository?: string | { url: string } };
const metas = RULES.map((rule) => rule.meta);
const byId = (id: string) => metas.find((meta) => meta.id === id) as RuleMeta;
const REGENERATE = 'out of date: run `npm run docs`';

describe('docs/rules', () => {
  it('has one page per rule and no page without a rule', () => {
    const pages = readdirSync(join(ROOT, 'docs', 'rules')).map((name) => `docs/rules/${name}`);
    expect(pages.sort()).toEqual(metas.map((meta) => rulePagePath(meta.id)).sort());
  });

  it.each(metas.map((meta) => [meta.id]))('%s: the page is what npm run docs renders from the metadata', (id) => {
    expect(read(rulePagePath(id)), `${rulePagePath(id)} is ${REGENERATE}`).toBe(renderRulePage(byId(id)));
  });
});

describe("README's rule table", () => {
  it('is the metadata, between the markers', () => {
    const readme = read('README.md');
    expect(readme, `README.md needs a section with ${README_RULES_START} and ${README_RULES_END}`).toContain(README_RULES_START);
    expect(withRuleTable(readme, renderRuleTable(metas)), `README.md's rule table is ${REGENERATE}`).toBe(readme);
  });

  it("has the file kinds' table as the kinds' metadata says it (issue 23: the mobile, Python and tool files among them)", () => {
    const readme = read('README.md');
    expect(readme).toContain(README_KINDS_START);
    expect(withKindTable(readme, renderKindTable(kindDocs())), `README.md's file kinds' table is ${REGENERATE}`).toBe(readme);
    for (const words of ['.xcconfig', 'Gradle', 'Dart', '.streamlit/secrets.toml', 'Postman, Insomnia and n8n', "Bruno's `.bru`"]) expect(readme).toContain(words);
  });

  it('refuses a README without its markers, saying what is missing', () => {
    expect(() => withRuleTable('# readme\n', '| table |')).toThrow(README_RULES_START);
    expect(() => withRuleTable(`${README_RULES_END}\n${README_RULES_START}\n`, '| table |')).toThrow('after it');
  });

  it('writes only between the markers', () => {
    const readme = `before\n${README_RULES_START}\nold table\n${README_RULES_END}\nafter\n`;
    expect(withRuleTable(readme, '| new |')).toBe(`before\n${README_RULES_START}\n| new |\n${README_RULES_END}\nafter\n`);
  });
});

/** What `migrate-keys <argv>` prints on stdout, run in this process. */
async function cliOutput(argv: string[]): Promise<string> {
  const run = await runMain(ROOT, argv, {});
  expect(run.code).toBe(0);
  return run.stdout + run.stderr;
}

describe('migrate-keys rules', () => {
  const plain = colorsFor(false);

  it('lists the metadata as rulesCatalogue renders it', async () => {
    expect(await cliOutput(['rules'])).toBe(rulesCatalogue(plain));
  });

  it.each(metas.map((meta) => [meta.id]))('rules %s: prints the metadata, its sources and, last, its docs page', async (id) => {
    const meta = byId(id);
    const output = await cliOutput(['rules', id]);
    expect(output).toBe(ruleExplanation(id, plain));
    expect(output).toContain(meta.description);
    for (const line of meta.example.split('\n')) expect(output).toContain(`  ${line}\n`);
    for (const source of meta.sources) expect(output).toContain(`  ${source.title}: ${source.url}\n`);
    expect(output.endsWith(`docs: ${ruleDocsUrl(id, manifest.version)}\n`)).toBe(true);
  });
});

describe('links to the pages', () => {
  it("point at package.json's repository and version", () => {
    const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    if (repository) expect(repository.replace(/^git\+/, '').replace(/\.git$/, '')).toBe(REPOSITORY_URL);
    expect(ruleDocsUrl('legacy-env-name', manifest.version)).toBe(`${REPOSITORY_URL}/blob/v${manifest.version}/docs/rules/legacy-env-name.md`);
  });

  it("SARIF's rules[].helpUri and the HTML report's rule ids link each rule to its page", () => {
    const result = sampleRunResult();
    const rules = (JSON.parse(sarif(result)) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] }).runs[0]?.tool.driver.rules;
    for (const meta of metas) expect(rules?.find((rule) => rule.id === meta.id)?.helpUri).toBe(ruleDocsUrl(meta.id, result.version));
    const page = html(result);
    for (const id of new Set(result.findings.filter((f) => !f.fixed).map((f) => f.ruleId))) {
      expect(page).toContain(`<a href="${ruleDocsUrl(id, result.version)}"><code title=`);
    }
  });
});

describe('sources', () => {
  // These two rules are about the tool's own work (its parser, its comments): no Supabase fact is behind them.
  const TECHNICAL = new Set(['parse-error', 'unused-suppression']);

  it.each(metas.map((meta) => [meta.id]))('%s cites where Supabase states its facts', (id) => {
    const { sources } = byId(id);
    if (TECHNICAL.has(id)) expect(sources).toEqual([]);
    else expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source.url).toMatch(/^https:\/\/(supabase\.com\/|github\.com\/supabase\/|supabase\.github\.io\/)/);
      expect(source.title.trim()).not.toBe('');
      expect(source.states).toMatch(/[.)]$/);
    }
  });

  // The date the source states the fact (a merge, a comment, a changelog entry, a post), or, for a living docs page, the day it was
  // last read again: never missing, never in the future, and on the rule's page beside the link.
  const TODAY = new Date().toISOString().slice(0, 10);
  it.each(metas.filter((meta) => meta.sources.length > 0).map((meta) => [meta.id]))('%s dates each source, on its page', (id) => {
    const meta = byId(id);
    const page = renderRulePage(meta);
    for (const source of meta.sources) {
      expect(source.date, `${source.url} has no date`).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(source.date <= TODAY, `${source.url}: ${source.date} is after ${TODAY}`).toBe(true);
      expect(page).toContain(`](${source.url}), ${source.checked ? 'checked ' : ''}${source.date}`);
    }
  });
});

// The examples show keys masked, as the tool prints them; planned, they hold keys that were never issued by anyone.
const b64 = (value: string) => Buffer.from(value).toString('base64url');
const fakeJwt = (role: string) =>
  [b64('{"alg":"HS256","typ":"JWT"}'), b64(`{"iss":"supabase","ref":"abcdefghijklmnopqrst","role":"${role}","iat":1700000000,"exp":2000000000}`), b64('not-a-real-signature-for-docs')].join('.');
const SUPPLIED = { publishable: 'sb_publishable_' + 'FakePublishableForDocs_0123', secret: 'sb_secret_' + 'FakeSecretForDocs_0123456789' };
const STAND_INS: readonly [string, string][] = [
  ['eyJhbGci…[legacy anon JWT]', fakeJwt('anon')],
  ['eyJhbGci…[legacy service_role JWT]', fakeJwt('service_role')],
  ['sb_publishable_…', SUPPLIED.publishable],
  ['sb_secret_…', SUPPLIED.secret],
];
const unmask = (text: string) => STAND_INS.reduce((out, [shown, value]) => out.split(shown).join(value), text);

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function planExample(meta: RuleMeta, example: RuleExample, text: string) {
  const root = mkdtempSync(join(tmpdir(), 'migrate-keys-docs-'));
  roots.push(root);
  for (const [path, content] of Object.entries({ ...example.context, [example.file]: unmask(text) })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return plan({ root, paths: [], ignore: [], map: {}, supplied: SUPPLIED, unsafe: meta.fix === 'unsafe' });
}

describe('the examples of the docs', () => {
  const examples = metas.flatMap((meta) => meta.examples.map((example) => [meta.id, example.title, meta, example] as const));

  it('every rule has at least one', () => {
    for (const meta of metas) expect(meta.examples.length, meta.id).toBeGreaterThan(0);
  });

  it.each(examples)('%s: %s', async (id, _title, meta, example) => {
    const before = await planExample(meta, example, example.before);
    expect(before.findings.map((f) => f.ruleId), 'the rule reports the before').toContain(id);
    // Where --write (--unsafe for an unsafe rule) fixes it, the after is exactly what it writes.
    const change = before.changes.find((c) => c.path === example.file);
    if (change && before.findings.some((f) => f.ruleId === id && f.fixable && f.file === example.file)) expect(change.after).toBe(unmask(example.after));
    const after = await planExample(meta, example, example.after);
    expect(after.findings.filter((f) => f.ruleId === id).map((f) => `${f.file}:${f.line} ${f.message}`), 'the rule is silent on the after').toEqual([]);
  });
});

describe('messages end with what to do', () => {
  const messages = (path: string, text: string, ruleId: string, options: PlanFileOptions = {}) =>
    planFile({ path, kind: fileKind(path) ?? 'text', text: unmask(text) }, namePattern(), {}, options)
      .findings.filter((f) => f.ruleId === ruleId)
      .map((f) => f.message);

  it.each([
    ['a legacy name in a migration', 'supabase/migrations/README.md', 'The trigger reads SUPABASE_SERVICE_ROLE_KEY.\n', 'legacy-env-name', 'rename it to `SUPABASE_SECRET_KEY` in a new migration'],
    ['a legacy name in a file that does not parse', 'src/a.ts', 'const a = process.env.VITE_SUPABASE_ANON_KEY (\n', 'legacy-env-name', 'rename it to `VITE_SUPABASE_PUBLISHABLE_KEY`'],
    ['a legacy name inside a .env value', '.env', 'NOTE="set VITE_SUPABASE_ANON_KEY first"\n', 'legacy-env-name', 'if this value names a variable'],
    ['a runtime read the tool cannot rewrite', 'supabase/functions/hello/index.ts', "const { SUPABASE_ANON_KEY = '' } = Deno.env.toObject()\n", 'edge-function-env', "read `JSON.parse(Deno.env.get('SUPABASE_PUBLISHABLE_KEYS') ?? '{}').default` instead of `SUPABASE_ANON_KEY`"],
    ['a publishable key in code', 'src/a.ts', "const key = 'sb_publishable_…'\n", 'hardcoded-key', 'Read it from the environment instead.'],
    ['a file that does not parse', 'src/a.ts', 'const a = process.env.VITE_SUPABASE_ANON_KEY (\n', 'parse-error', 'fix the syntax and run migrate-keys again'],
  ])('%s', (_name, path, text, ruleId, ending) => {
    const found = messages(path, text, ruleId);
    expect(found).not.toEqual([]);
    for (const message of found) expect(message.endsWith(ending), message).toBe(true);
  });

  it('a legacy value kept for a transitional rollout', () => {
    const found = messages('.env', 'VITE_SUPABASE_ANON_KEY=eyJhbGci…[legacy anon JWT]\n', 'legacy-key-value', { transitional: true, supplied: SUPPLIED });
    expect(found).toEqual([expect.stringMatching(/: kept for the rollout beside its new name; once it is over, run without --transitional to remove it$/)]);
  });
});
