// The JSON output contract: schema/*.schema.json (draft 2020-12) and docs/json-format.md, against real runs of
// the examples in every mode, the management commands, and documents broken on purpose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../src/reporters/json.js';
import { startFakeApi, type FakeApi } from './helpers/fake-api.js';
import {
  checkJsonOutputs,
  closedSchema,
  describeErrors,
  jsonKindOf,
  jsonReportOf,
  readSchema,
  SCHEMA_FILES,
  schemaAjv,
  validateOutputJson,
  type JsonOutputKind,
} from './helpers/json-output.js';
import { exampleRepo, REPO_ROOT, removeTempDirs, runCli, writeTree, commitAll } from './helpers/repo.js';
import { sampleRunResult } from './helpers/run-result.js';

afterAll(removeTempDirs);

const KINDS = Object.keys(SCHEMA_FILES) as JsonOutputKind[];
const DOCS = readFileSync(join(REPO_ROOT, 'docs/json-format.md'), 'utf8');
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents as JSON.parse gives them
type Doc = any;

const clone = (value: unknown): Doc => structuredClone(value);
/** Whether the closed schema (the one the tests hold outputs to) accepts a document. */
const accepts = (kind: JsonOutputKind, document: unknown): boolean => {
  try {
    validateOutputJson(JSON.stringify(document), kind);
    return true;
  } catch {
    return false;
  }
};

/** The object schemas of a schema, where each sits: those that list properties and say whether others may be added. */
function objectSchemas(schema: unknown, at = '#'): { at: string; node: Record<string, unknown> }[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const here = node.type === 'object' && 'required' in node ? [{ at, node }] : [];
  return [...here, ...Object.entries(node).flatMap(([key, value]) => objectSchemas(value, `${at}/${key}`))];
}

/** Every property name the schema describes. */
function propertyNames(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const own = typeof node.properties === 'object' && node.properties !== null ? Object.keys(node.properties) : [];
  return [...new Set([...own, ...Object.values(node).flatMap(propertyNames)])];
}

describe('the schemas', () => {
  it.each(KINDS)('%s: compiles under strict draft 2020-12, as published and closed', (kind) => {
    const schema = readSchema(kind);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => schemaAjv().compile(schema)).not.toThrow();
    expect(() => schemaAjv().compile(closedSchema(schema) as object)).not.toThrow();
  });

  it.each(KINDS)('%s: $id, title and schemaVersion agree with schemaVersion 1 and with docs/json-format.md', (kind) => {
    const schema = readSchema(kind) as { $id: string; title: string; properties: { schemaVersion: { const: number } } };
    expect(schema.$id).toBe(`https://raw.githubusercontent.com/migrate-keys/migrate-keys/main/schema/${SCHEMA_FILES[kind]}`);
    expect(schema.title).toMatch(/, schemaVersion 1$/);
    expect(schema.properties.schemaVersion.const).toBe(1);
    expect(readSchema(kind).required).toEqual(expect.arrayContaining(['schemaVersion', 'tool']));
    expect(DOCS).toContain(`\`${schema.$id}\``);
    expect(DOCS).toContain(`(../schema/${SCHEMA_FILES[kind]})`);
  });

  it('docs/json-format.md is the schemaVersion 1 contract and names every field of every schema', () => {
    expect(DOCS).toMatch(/^# The JSON format \(schemaVersion 1\)$/m);
    // As `name`, or within its parent: `keys[].name`.
    for (const kind of KINDS) for (const name of propertyNames(readSchema(kind))) expect(DOCS, `${kind}: ${name}`).toMatch(new RegExp(`\`(\\w+(\\[\\])?\\.)*${name}\``));
  });

  it('the definitions the three schemas share are the same in each', () => {
    const defs = KINDS.map((kind) => (readSchema(kind).$defs ?? {}) as Record<string, unknown>);
    const shared = ['tool', 'relativePath', 'position', 'ruleId', 'severity', 'projectRef', 'projectSource'];
    for (const name of shared) {
      const copies = defs.filter((d) => name in d).map((d) => d[name]);
      expect(copies.length, name).toBeGreaterThanOrEqual(2);
      for (const copy of copies) expect(copy, name).toEqual(copies[0]);
    }
  });

  it('every object may gain fields (additionalProperties: true, as the contract allows); the closed copy the tests use allows none', () => {
    for (const kind of KINDS) {
      const objects = objectSchemas(readSchema(kind));
      expect(objects.length).toBeGreaterThan(2);
      for (const { at, node } of objects) expect(node.additionalProperties, `${kind} ${at}`).toBe(true);
      for (const { at, node } of objectSchemas(closedSchema(readSchema(kind)))) expect(node.additionalProperties, `${kind} ${at}`).toBe(false);
    }
  });

  it('the examples in docs/json-format.md are valid documents', () => {
    const blocks = [...DOCS.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
    const kinds = blocks.map((block): JsonOutputKind => (block.includes('"mode"') ? 'output' : block.includes('"keys"') ? 'keys' : 'legacy-keys'));
    expect(kinds).toEqual(['output', 'keys', 'legacy-keys']);
    for (const [index, block] of blocks.entries()) expect(() => validateOutputJson(block, kinds[index])).not.toThrow();
  });

  it("docs/json-format.md's example is what --check prints on its repository, and --write then fixes every finding", () => {
    const repo = writeTree({
      '.env.example': 'VITE_SUPABASE_URL=https://your-project.supabase.co\nVITE_SUPABASE_ANON_KEY=your-anon-key\n',
      'src/lib/supabase.ts':
        "import { createClient } from '@supabase/supabase-js'\n\nexport const supabase = createClient(\n  import.meta.env.VITE_SUPABASE_URL,\n  import.meta.env.VITE_SUPABASE_ANON_KEY,\n)\n",
      '.github/workflows/deploy.yml':
        'name: deploy\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run build\n        env:\n          VITE_SUPABASE_ANON_KEY: ${{ secrets.VITE_SUPABASE_ANON_KEY }}\n',
    });
    commitAll(repo);
    const example = /^```json\n([\s\S]*?)^```$/m.exec(DOCS)?.[1];
    const check = runCli(repo, ['--check', '--format', 'json']);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(example);
    const write = runCli(repo, ['--write', '--format', 'json']);
    expect(write.status).toBe(0);
    const written = validateOutputJson(write.stdout);
    expect(written.changes).toEqual(JSON.parse(example as string).changes);
    expect(written.findings.every((f: { fixed: boolean }) => f.fixed)).toBe(true);
    expect(written.summary.errors).toBe(0);
  });
});

/** The invariants the docs state beyond what a schema can say. */
function expectConsistent(document: Doc, mode: string): void {
  expect(document.schemaVersion).toBe(1);
  expect(document.tool).toEqual({ name: 'migrate-keys', version: VERSION });
  expect(document.mode).toBe(mode);
  expect(document.root).toBe('.');
  const { summary, changes, findings } = document;
  expect(summary.filesChanged).toBe(changes.length);
  expect(summary.edits).toBe(changes.reduce((sum: number, change: { edits: number }) => sum + change.edits, 0));
  const remaining = (severity: string) => findings.filter((f: { fixed: boolean; severity: string }) => !f.fixed && f.severity === severity).length;
  expect([summary.errors, summary.warnings, summary.infos]).toEqual([remaining('error'), remaining('warning'), remaining('info')]);
  expect(document.checklist.map((step: { step: number }) => step.step)).toEqual([1, 2, 3, 4, 5, 6]);
}

describe.each(['vite-react', 'next-turborepo'])('examples/%s with --format json', (example) => {
  let repo: string;
  const documents: Record<string, Doc> = {};
  beforeAll(() => {
    repo = exampleRepo(example);
  });

  it('preview: valid, consistent, nothing fixed', () => {
    const run = runCli(repo, ['--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    documents.preview = validateOutputJson(run.stdout);
    expectConsistent(documents.preview, 'preview');
    expect(documents.preview.changes.length).toBeGreaterThan(0);
    expect(documents.preview.findings.length).toBeGreaterThan(0);
  });

  it('--check: valid, the same as the preview but for the mode; --report .json is the same document', () => {
    const run = runCli(repo, ['--check', '-f', 'json', '--report', 'report.json']);
    expect(run.status, run.stderr).toBe(1);
    documents.check = validateOutputJson(run.stdout);
    expectConsistent(documents.check, 'check');
    expect({ ...documents.check, mode: 'preview' }).toEqual(documents.preview);
    expect(validateOutputJson(readFileSync(join(repo, 'report.json'), 'utf8'))).toEqual(documents.check);
  });

  it('--write: valid, writes what the preview listed, fixes what was fixable', () => {
    const run = runCli(repo, ['--write', '--format=json']);
    expect(run.status, run.stderr).not.toBe(2);
    const write = validateOutputJson(run.stdout);
    expectConsistent(write, 'write');
    expect(write.changes).toEqual(documents.preview.changes);
    expect(write.findings.filter((f: { fixed: boolean }) => f.fixed)).not.toHaveLength(0);
    for (const finding of write.findings) expect(finding.fixed, `${finding.file}:${finding.line} ${finding.ruleId}`).toBe(finding.fixable);
    for (const { file } of [...write.changes, ...write.findings, ...write.outside]) expect(() => readFileSync(join(repo, file))).not.toThrow();
  });
});

describe('the management commands with --format json', () => {
  let api: FakeApi;
  beforeAll(async () => {
    api = await startFakeApi();
    await api.reset();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('keys, legacy-keys (status, --enable, --disable --force): valid documents', () => {
    const repo = exampleRepo('vite-react');
    const keys = runCli(repo, ['keys', '-f', 'json'], api.env);
    expect(keys.status, keys.stderr).toBe(0);
    expect(validateOutputJson(keys.stdout, 'keys').keys).toHaveLength(4);
    const expected = {
      status: { action: 'status', enabled: true, changed: false },
      forced: { action: 'disable', enabled: false, changed: true, forced: true, refused: false },
      enable: { action: 'enable', enabled: true, changed: true, forced: false },
    };
    for (const [name, args] of [
      ['status', []],
      ['forced', ['--disable', '--force']],
      ['enable', ['--enable']],
    ] as const) {
      const run = runCli(repo, ['legacy-keys', ...args, '--format', 'json'], api.env);
      expect(run.status, run.stderr).toBe(0);
      const document = validateOutputJson(run.stdout, 'legacy-keys');
      expect(document).toMatchObject({ schemaVersion: 1, tool: { name: 'migrate-keys', version: VERSION }, ...expected[name] });
    }
  });
});

describe('documents that break the contract fail validation', () => {
  const valid = JSON.parse(json(sampleRunResult({ mode: 'write' }))) as Doc;

  it('the reporter on a sample run (fixed findings, outside with and without newName) is valid', () => {
    expect(valid.findings.some((f: { fixed: boolean }) => f.fixed)).toBe(true);
    expect(valid.outside.some((o: { newName?: string }) => o.newName === undefined)).toBe(true);
    expect(accepts('output', valid)).toBe(true);
    expect(accepts('output', JSON.parse(json(sampleRunResult({ mode: 'check', findings: [] }))))).toBe(true);
  });

  const broken: [string, (d: Doc) => void][] = [
    ['no schemaVersion', (d) => delete d.schemaVersion],
    ['schemaVersion 2', (d) => (d.schemaVersion = 2)],
    ['another tool', (d) => (d.tool.name = 'other')],
    ['no summary.errors', (d) => delete d.summary.errors],
    ['no findings', (d) => delete d.findings],
    ['a finding without ruleId', (d) => delete d.findings[0].ruleId],
    ['a finding without fixed', (d) => delete d.findings[0].fixed],
    ['an outside reference without action', (d) => delete d.outside[0].action],
    ['a checklist step without status', (d) => delete d.checklist[0].status],
    ['mode "fix"', (d) => (d.mode = 'fix')],
    ['severity "fatal"', (d) => (d.findings[0].severity = 'fatal')],
    ['status "skipped"', (d) => (d.checklist[0].status = 'skipped')],
    ['line 0', (d) => (d.findings[0].line = 0)],
    ['column 1.5', (d) => (d.findings[0].column = 1.5)],
    ['a line as a string', (d) => (d.outside[0].line = '9')],
    ['a negative count', (d) => (d.summary.warnings = -1)],
    ['a change of 0 edits', (d) => (d.changes = [{ file: '.env', edits: 0 }])],
    ['an absolute path', (d) => (d.findings[0].file = '/repo/src/lib/supabase.ts')],
    ['a path out of the root', (d) => (d.findings[0].file = '../other/.env')],
    ['a "./" path', (d) => (d.outside[0].file = './vercel.json')],
    ['an upper-case ruleId', (d) => (d.findings[0].ruleId = 'Legacy_Env_Name')],
    ['a fixed finding that is not fixable', (d) => (d.findings.find((f: { fixed: boolean }) => f.fixed).fixable = false)],
    ['a fixed finding in --check', (d) => (d.mode = 'check')],
    ['a field the schema does not name (closed schema only)', (d) => (d.summary.skipped = 3)],
  ];

  it.each(broken)('%s', (_name, breakIt) => {
    const document = clone(valid);
    breakIt(document);
    expect(accepts('output', document)).toBe(false);
  });

  it('the published schema lets objects gain fields; the closed one the tests use does not', () => {
    const validate = schemaAjv().compile(readSchema('output'));
    const document = clone(valid);
    document.summary.skipped = 3;
    document.findings[0].endLine = 4;
    expect(validate(document), describeErrors(validate.errors)).toBe(true);
    expect(accepts('output', document)).toBe(false);
    document.mode = 'fix';
    expect(validate(document)).toBe(false);
  });

  const keys: Doc = {
    schemaVersion: 1,
    tool: { name: 'migrate-keys', version: '0.1.0' },
    project: 'qwhzkrtplmxvbnasdfgh',
    projectSource: '.env (URL)',
    keys: [{ id: null, type: 'secret', name: 'default', value: 'sb_secret_…[redacted]' }],
    created: [],
  };
  const legacy: Doc = {
    schemaVersion: 1,
    tool: { name: 'migrate-keys', version: '0.1.0' },
    project: 'qwhzkrtplmxvbnasdfgh',
    projectSource: '--project-ref',
    changed: false,
    refused: true,
    forced: false,
    legacyUse: [{ ruleId: 'legacy-env-name', severity: 'error', file: '.env', line: 3, column: 1, message: 'a legacy key name' }],
    unanalysed: ['src/broken.ts'],
    action: 'disable',
    enabled: null,
  };

  const cases: [string, JsonOutputKind, Doc, (d: Doc) => void, boolean][] = [
    ['keys: valid', 'keys', keys, () => {}, true],
    ['keys: a key value instead of its label', 'keys', keys, (d) => (d.keys[0].value = 'sb_secret_abcdefghijklmnopqrstuvwxyz0123'), false],
    ['keys: type "anon"', 'keys', keys, (d) => (d.keys[0].type = 'anon'), false],
    ['keys: no created', 'keys', keys, (d) => delete d.created, false],
    ['keys: a project that is not a ref', 'keys', keys, (d) => (d.project = 'https://x.supabase.co'), false],
    ['legacy-keys: valid refusal', 'legacy-keys', legacy, () => {}, true],
    ['legacy-keys: refused, yet enabled', 'legacy-keys', legacy, (d) => (d.enabled = true), false],
    ['legacy-keys: action "toggle"', 'legacy-keys', legacy, (d) => (d.action = 'toggle'), false],
    ['legacy-keys: no unanalysed', 'legacy-keys', legacy, (d) => delete d.unanalysed, false],
    ['legacy-keys: status with legacy use', 'legacy-keys', legacy, (d) => Object.assign(d, { action: 'status', refused: false, enabled: true }), false],
    ['legacy-keys: disabled, enabled null', 'legacy-keys', legacy, (d) => Object.assign(d, { refused: false }), false],
  ];

  it.each(cases)('%s', (_name, kind, base, change, ok) => {
    const document = clone(base);
    change(document);
    expect(accepts(kind, document)).toBe(ok);
  });
});

describe('the CLI helpers validate every JSON output', () => {
  it('tell which runs print which document, and which --report is JSON', () => {
    expect(jsonKindOf(['--check', '--format', 'json'])).toBe('output');
    expect(jsonKindOf(['apps/web', '-f', 'json', '--write'])).toBe('output');
    expect(jsonKindOf(['--format=json'])).toBe('output');
    expect(jsonKindOf(['--check'])).toBeUndefined();
    expect(jsonKindOf(['--check', '-f', 'sarif', '--report', 'r.json'])).toBeUndefined();
    expect(jsonKindOf(['keys', '-f', 'json'])).toBe('keys');
    expect(jsonKindOf(['-f', 'json', 'legacy-keys', '--disable'])).toBe('legacy-keys');
    expect(jsonKindOf(['--report', 'keys', '-f', 'json'])).toBe('output');
    expect(jsonKindOf(['rules', '-f', 'json'])).toBeUndefined();
    expect(jsonKindOf(['-f', 'json', '--help'])).toBeUndefined();
    expect(jsonReportOf('/r', ['--check', '--report', 'out/x.JSON'])).toBe('/r/out/x.JSON');
    expect(jsonReportOf('/r', ['--report=/tmp/x.json'])).toBe('/tmp/x.json');
    expect(jsonReportOf('/r', ['--report', 'x.md'])).toBeUndefined();
  });

  it('a run asking for JSON that prints something else, or an invalid document, fails the test that ran it', () => {
    const document = clone(JSON.parse(json(sampleRunResult({ mode: 'write' }))));
    expect(() => checkJsonOutputs('/r', ['--check', '-f', 'json'], 1, JSON.stringify(document))).not.toThrow();
    expect(() => checkJsonOutputs('/r', ['--check', '-f', 'json'], 1, 'src/a.ts:1:1 legacy-env-name')).toThrow(/not JSON/);
    expect(() => checkJsonOutputs('/r', ['--check', '-f', 'json'], 0, '')).toThrow(/not JSON/);
    delete document.checklist;
    expect(() => checkJsonOutputs('/r', ['--check', '-f', 'json'], 1, JSON.stringify(document))).toThrow(/must have required property 'checklist'/);
    // A usage error prints no document; a killed run is not held to one.
    expect(() => checkJsonOutputs('/r', ['--check', '-f', 'json'], 2, '')).not.toThrow();
    expect(() => checkJsonOutputs('/r', ['--check', '-f', 'json'], null, '{')).not.toThrow();
  });
});
