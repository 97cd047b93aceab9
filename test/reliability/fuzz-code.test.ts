// Fuzz (fast-check): random TS built from the supported access shapes, look-alike names, strings and comments. The output parses,
// every changed token is exactly a legacy name replaced by its new name, each name is renamed at every site or at none, and a second run is a no-op.
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { planFile } from '../../src/core/file-plan.js';
import { decideName, hasKeyPrefix, namePattern } from '../../src/keys/names.js';

/** 100 in `npm test`; set MIGRATE_KEYS_FUZZ_RUNS for a longer search. */
const RUNS = Number(process.env.MIGRATE_KEYS_FUZZ_RUNS ?? 100);
const PATTERN = namePattern({});

const LEGACY = [
  'VITE_SUPABASE_ANON_KEY',
  'NEXT_PUBLIC_SUPABASE_ANON_KEY',
  'EXPO_PUBLIC_SUPABASE_ANON_KEY',
  'SUPABASE_ANON_KEY',
  'SUPABASE_SERVICE_ROLE_KEY',
  'SUPABASE_SERVICE_KEY',
  'STAGING_SUPABASE_SERVICE_ROLE_KEY',
];
/** A service_role name behind a public prefix: never renamed. */
const EXPOSED = ['NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY'];
/** Other names that contain a legacy name: never renamed as identifiers. */
const LOOK_ALIKES = ['VITE_SUPABASE_ANON_KEYS', 'MY_SUPABASE_ANON_KEY_LABEL', 'SUPABASE_ANON_KEY_FILE', 'x$SUPABASE_ANON_KEY', 'SUPABASE_ANON_KEY$x'];
const NEUTRAL = ['SUPABASE_URL'];
const NAMES = [...LEGACY, ...EXPOSED, ...LOOK_ALIKES, ...NEUTRAL];

type Shape = (name: string, i: number) => string;
const SHAPES: Shape[] = [
  (n, i) => `const v${i} = import.meta.env.${n};`,
  (n, i) => `const v${i} = process.env.${n};`,
  (n, i) => `const v${i} = process.env['${n}'];`,
  (n, i) => `const v${i} = process.env["${n}"];`,
  (n, i) => `const v${i} = Deno.env.get('${n}');`,
  (n) => `{ const { ${n} } = process.env; use(${n}); }`,
  (n, i) => `const { ${n}: v${i} } = process.env;`,
  (n, i) => `const { ${n}: v${i} = 'fallback' } = import.meta.env;`,
  (n) => `interface ImportMetaEnv { readonly ${n}: string }`,
  (n) => `declare namespace NodeJS { interface ProcessEnv { ${n}?: string } }`,
  (n, i) => `const m${i} = 'Missing ${n} in .env';`,
  (n, i) => `const t${i} = \`${n}\`;`,
  (n) => `// reads ${n} at startup`,
  (n) => `/* ${n} */`,
  (n, i) => `const o${i} = { ${n}: 1 };`,
  (n, i) => `function f${i}(env: Record<string, string>) { return env['${n}']; }`,
  (n, i) => `const g${i} = getEnv('${n}');`,
];

/**
 * The shapes that use a name as an env variable (a read, a lookup, an env type). A name with an unknown prefix
 * (`STAGING_`) is a key name only when one of them uses it; else it is an error code or a label (issue 18, item 3).
 */
const ENV_SHAPES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16]);

const statement = fc.record({ shape: fc.nat(SHAPES.length - 1), name: fc.constantFrom(...NAMES) });
const generated = fc
  .record({ statements: fc.array(statement, { minLength: 1, maxLength: 14 }), crlf: fc.boolean(), indent: fc.constantFrom('', '  ', '\t') })
  .map(({ statements, crlf, indent }) => ({
    text: statements.map(({ shape, name }, i) => indent + (SHAPES[shape] as Shape)(name, i)).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n'),
    envNames: new Set(statements.filter(({ shape }) => ENV_SHAPES.has(shape)).map(({ name }) => name)),
  }));
const program = generated.map(({ text }) => text);

const plan = (text: string, transitional = false) => planFile({ path: 'src/fuzz.ts', kind: 'code', text }, PATTERN, {}, { transitional }).after;

function parseErrors(text: string): string[] {
  const file = ts.createSourceFile('fuzz.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => `${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

interface Token {
  kind: ts.SyntaxKind;
  text: string;
}

/** Every token, trivia (whitespace, comments) included. The generated code has no regex, division, JSX or template substitution. */
function tokens(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const list: Token[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) list.push({ kind, text: scanner.getTokenText() });
  return list;
}

const TEXT_TOKENS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.SingleLineCommentTrivia,
  ts.SyntaxKind.MultiLineCommentTrivia,
]);

/** One place a legacy or exposed name appears, and whether the run renamed it. */
interface Site {
  name: string;
  renamed: boolean;
}

/**
 * Compares the token streams. Throws unless every difference is a legacy name replaced by its new
 * name: a whole identifier, or a whole-word occurrence inside a string or comment. Returns every site.
 */
function compare(before: string, after: string): Site[] {
  const a = tokens(before);
  const b = tokens(after);
  expect(b.map((t) => ts.SyntaxKind[t.kind])).toEqual(a.map((t) => ts.SyntaxKind[t.kind]));
  const sites: Site[] = [];
  a.forEach((token, index) => {
    const next = (b[index] as Token).text;
    if (token.kind === ts.SyntaxKind.Identifier) {
      const decision = decideName(token.text);
      if (decision) sites.push({ name: token.text, renamed: next !== token.text });
      if (next !== token.text) {
        expect(decision?.kind, `identifier ${token.text} became ${next}`).toBe('rename');
        expect(next).toBe(decision?.kind === 'rename' ? decision.newName : undefined);
      }
      return;
    }
    if (!TEXT_TOKENS.has(token.kind)) {
      expect(next, `${ts.SyntaxKind[token.kind]} token changed`).toBe(token.text);
      return;
    }
    // Inside text: walk the whole-word names; everything between them is unchanged.
    let cursor = 0;
    let at = 0;
    for (const match of token.text.matchAll(PATTERN)) {
      const start = match.index as number;
      const old = match[0];
      const decision = decideName(old);
      if (!decision) continue;
      expect(next.slice(at, at + start - cursor), `text around ${old} in ${token.text}`).toBe(token.text.slice(cursor, start));
      at += start - cursor;
      const renamed = decision.kind === 'rename' && next.startsWith(decision.newName, at);
      if (!renamed) expect(next.startsWith(old, at), `${old} in ${token.text} became ${next}`).toBe(true);
      at += renamed && decision.kind === 'rename' ? decision.newName.length : old.length;
      cursor = start + old.length;
      sites.push({ name: old, renamed });
    }
    expect(next.slice(at), `the end of ${token.text}`).toBe(token.text.slice(cursor));
  });
  return sites;
}

describe('fuzzed TypeScript', () => {
  it(`only legacy names change, consistently, the output parses and a second run changes nothing (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(generated, ({ text: before, envNames }) => {
        expect(parseErrors(before)).toEqual([]);
        const after = plan(before);
        expect(parseErrors(after)).toEqual([]);
        const sites = compare(before, after);
        const targets = new Map<string, Set<string>>();
        for (const { name } of sites) {
          const decision = decideName(name);
          if (decision?.kind === 'rename') targets.set(decision.newName, (targets.get(decision.newName) ?? new Set()).add(name));
        }
        for (const name of new Set(sites.map((site) => site.name))) {
          const renamed = sites.filter((site) => site.name === name).map((site) => site.renamed);
          const decision = decideName(name);
          if (decision?.kind === 'exposed') expect(renamed.some(Boolean), `${name} is exposed: never renamed`).toBe(false);
          else if (!hasKeyPrefix(name) && !envNames.has(name)) expect(renamed.some(Boolean), `${name} is used as no env variable: never renamed`).toBe(false);
          else if (decision?.kind === 'rename' && targets.get(decision.newName)?.size === 1) {
            // No other legacy name here becomes the same new name: nothing blocks the rename.
            expect(renamed.every(Boolean), `${name} renamed at every site`).toBe(true);
          } else {
            expect(new Set(renamed).size, `${name} renamed at every site or none`).toBe(1);
          }
        }
        expect(plan(after)).toBe(after);
      }),
      { numRuns: RUNS },
    );
  });

  it(`--transitional output parses, is stable, and a plain run after it gives the plain result (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(program, (before) => {
        const transitional = plan(before, true);
        expect(parseErrors(transitional)).toEqual([]);
        expect(plan(transitional, true)).toBe(transitional);
        expect(plan(transitional)).toBe(plan(before));
      }),
      { numRuns: RUNS },
    );
  });
});
