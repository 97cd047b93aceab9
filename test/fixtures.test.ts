// Every fixture pair under __testfixtures__, of every kind, by one naming convention:
//
//   __testfixtures__/<kind>/<case>[.<flag>]….input.<ext>    a file before the run
//   __testfixtures__/<kind>/<case>[.<flag>]….output.<ext>   what the run makes of it, byte for byte
//
// A kind is a folder (env-names, dotenv, bearer, transitional, other-kinds). The run is the core on the input's
// bytes, as the CLI runs a file at src/<case>.<ext> (at .env when <ext> is env), or at the path the kind's
// paths.json gives the case (`{ "<case>.<ext>": "<path>" }`: Dockerfile, .github/workflows/deploy.yml, …).
// Flags in the name add options: .unsafe (--unsafe), .transitional (--transitional), .supplied (new key values
// given; fake ones), e.g. dotenv/crlf.supplied.input.env. For every pair: the output is the run's bytes exactly
// (nothing trimmed), a second run on the output changes nothing, and the file is reported unparseable exactly when
// the case is named …syntax-error or …parse-error (left as it is) or …renamed-as-text (a YAML file that does not parse,
// renamed as text and reported as an info). For a .transitional pair, a run without --transitional on the
// output gives what it gives on the input (transitional, then final = final at once).
// Adding a case is adding its two files (test/helpers/fixtures.ts reads them); some kinds check more, below.
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { envEntries } from '../src/file-kinds/env-entries.js';
import { fileKind } from '../src/file-kinds/index.js';
import type { FilePlan, PlanFileOptions } from '../src/core/file-plan.js';
import { decideName, isPublicPrefix, roleOfName, type KeyRole } from '../src/keys/names.js';
import { classifyValue } from '../src/keys/values.js';
import type { SuppliedKeys } from '../src/keys/supplied.js';
import { loadFixtures, planBytes, type FixtureCase } from './helpers/fixtures.js';

const { cases, problems } = loadFixtures();
const ofKind = (kind: string) => cases.filter((c) => c.kind === kind);

/** The case's file run with its options (or others), on its input (or other bytes). */
const run = (c: FixtureCase, options: PlanFileOptions = c.options, bytes: Buffer = c.input): FilePlan => planBytes(c.path, bytes, options);
const bytesOf = (plan: FilePlan): Buffer => Buffer.from(plan.after, 'utf8');

describe('fixtures', () => {
  it('follow the convention', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it.each(cases)('$id', (c) => {
    const first = run(c);
    expect(first.after, 'input → output').toBe(c.output.toString('utf8'));
    expect(bytesOf(first).equals(c.output), 'input → output, byte for byte').toBe(true);
    expect(bytesOf(run(c, c.options, c.output)).equals(c.output), 'a second run on the output changes nothing').toBe(true);

    const unparseable = first.findings.filter((finding) => finding.ruleId === 'parse-error');
    expect(unparseable.length > 0, 'reported unparseable exactly when named …syntax-error, …parse-error or …renamed-as-text').toBe(
      /(^|-)((syntax|parse)-error|renamed-as-text)$/.test(c.name),
    );
    if (c.name.endsWith('renamed-as-text')) expect(unparseable.map((finding) => finding.severity), 'renamed as text: an info').toEqual(['info']);

    if (c.options.transitional) {
      const final = { ...c.options, transitional: false };
      expect(bytesOf(run(c, final, c.output)).equals(bytesOf(run(c, final))), 'transitional, then final = final at once').toBe(true);
    }
  });
});

// bearer: the unsafe fix of bearer-api-key (outputs written by hand). The inputs use new key names only, so without
// --unsafe nothing is edited and no other rule has anything to say.
describe('bearer fixtures: findings', () => {
  const bearer = ofKind('bearer');
  /** Cases the fix must leave as they are although the header is flagged: a person has to move these. */
  const FLAGGED_BY_HAND = new Set(['apikey-different', 'name-holds-bearer', 'not-an-object-entry']);
  /** Cases with no API key in Authorization at all. */
  const NOT_FLAGGED = new Set(['user-token']);
  const bearerFindings = (plan: FilePlan) => plan.findings.filter((f) => f.ruleId === 'bearer-api-key');

  it('has its cases, all run with --unsafe', () => {
    expect(bearer.length).toBeGreaterThanOrEqual(12);
    for (const name of [...FLAGGED_BY_HAND, ...NOT_FLAGGED]) expect(bearer.map((c) => c.name)).toContain(name);
    for (const c of bearer) expect(c.options.unsafe, c.id).toBe(true);
  });

  it.each(bearer)('$id: without --unsafe the file is left alone', (c) => {
    const result = run(c, { ...c.options, unsafe: false });
    expect(result.after).toBe(c.input.toString('utf8'));
    expect(bearerFindings(result).every((f) => !f.fixable)).toBe(true);
    expect(result.findings.filter((f) => f.ruleId !== 'bearer-api-key')).toEqual([]);
  });

  it.each(bearer)('$id: findings match the change', (c) => {
    const found = bearerFindings(run(c));
    if (NOT_FLAGGED.has(c.name)) {
      expect(found).toEqual([]);
    } else if (FLAGGED_BY_HAND.has(c.name)) {
      expect(c.output.equals(c.input)).toBe(true);
      expect(found.length).toBeGreaterThan(0);
      for (const finding of found) {
        expect(finding.fixable).toBe(false);
        expect(finding.message).toContain('move it by hand');
      }
    } else {
      expect(c.output.equals(c.input)).toBe(false);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((f) => f.fixable)).toBe(true);
      // Once fixed, nothing is left to report.
      expect(bearerFindings(run(c, c.options, c.output))).toEqual([]);
    }
  });
});

// dotenv: dotenv reads each output as the input with the legacy keys renamed (SPEC §3, §4).
describe('dotenv fixtures: what dotenv reads', () => {
  const ROLE_OF_VALUE: Readonly<Record<string, KeyRole>> = { 'legacy-anon': 'publishable', 'legacy-service-role': 'secret' };

  const decode = (bytes: Buffer) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

  /** The new name of a legacy key, or undefined (not legacy, or a secret behind a public prefix). */
  function newNameOf(key: string): string | undefined {
    const decision = decideName(key);
    return decision?.kind === 'rename' ? decision.newName : undefined;
  }

  /**
   * The supplied key that replaces a legacy JWT value: never a service_role JWT under a public name,
   * and never where the name claims the other role (a person decides which key belongs there).
   */
  function replacementOf(key: string, value: string, supplied: SuppliedKeys = {}): string | undefined {
    const role = ROLE_OF_VALUE[classifyValue(value)];
    if (!role || (role === 'secret' && isPublicPrefix(key))) return undefined;
    const nameRole = roleOfName(key);
    if (nameRole && nameRole !== role) return undefined;
    return supplied[role];
  }

  /** `$OLD` and `${OLD` become `$NEW` and `${NEW`, except escaped (`\$`) or in single quotes; other text stays. */
  function renameReferences(value: string, quote: string | undefined): string {
    if (quote === "'") return value;
    return value.replace(/(?<!\\)\$(\{?)([A-Za-z0-9_]+)/g, (ref: string, brace: string, name: string) => {
      const newName = newNameOf(name);
      return newName ? `$${brace}${newName}` : ref;
    });
  }

  /** What dotenv should read from the output, computed from what it reads from the input. */
  function expectedParse(input: string, options: PlanFileOptions): Record<string, string> {
    const before = parse(input);
    const quotes = new Map(envEntries(input).map((entry) => [entry.key, entry.quote]));
    const after: Record<string, string> = {};
    for (const [key, value] of Object.entries(before)) {
      const newName = newNameOf(key);
      const replacement = replacementOf(key, value, options.supplied);
      if (options.transitional && newName) {
        // The legacy line stays as it is; its new name joins it only with a new value for the name's own role.
        after[key] = value;
        if (replacement && !(newName in before)) after[newName] = replacement;
      } else if (options.transitional) {
        // Lines under other names take the new value at once, as the plain run would.
        after[key] = replacement ?? value;
      } else if (!(newName && newName in before)) {
        // A legacy key beside its own new name is dropped; the others are renamed.
        after[newName ?? key] = replacement ?? renameReferences(value, quotes.get(key));
      }
    }
    return after;
  }

  const dotenv = ofKind('dotenv');
  it('has cases', () => expect(dotenv.length).toBeGreaterThan(0));

  it.each(dotenv)('$id', (c) => {
    expect(parse(decode(c.output)), 'dotenv reads the output as the input, renamed').toEqual(expectedParse(decode(c.input), c.options));
  });
});

// other-kinds: CI, container, deploy-config, shell, Python, Go and Dart files, each run at its repository path.
describe('other-kinds fixtures: every kind beyond JS/TS', () => {
  const others = ofKind('other-kinds');

  it('covers every file kind beyond JS/TS', () => {
    const kinds = new Set(others.map((c) => fileKind(c.path)));
    for (const kind of ['yaml', 'dockerfile', 'config', 'commands', 'python', 'source'] as const) expect(kinds).toContain(kind);
  });

  it.each(others)('$id', (c) => {
    if (c.name.endsWith('parse-error')) {
      expect(c.output.equals(c.input), `${c.path}: an unparseable file is left as it is`).toBe(true);
    } else {
      expect(c.output.equals(c.input), `${c.path}: the case renames something`).toBe(false);
      // Whatever is left after the run is not a legacy name the tool could still rename (a name kept on purpose, such as
      // a self-hosted Supabase container's own environment key, stays reported and not fixable).
      expect(run(c, c.options, c.output).findings.filter((f) => f.ruleId === 'legacy-env-name' && f.fixable)).toEqual([]);
    }
  });
});
