// Property-based tests (fast-check) of the .env migration: dotenv equivalence, exact bytes, idempotency, supplied keys and transitional runs.
import { parse } from 'dotenv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFile, type PlanFileOptions } from '../src/core/file-plan.js';
import { decideName, hasKeyPrefix, isCanonicalName, namePattern } from '../src/keys/names.js';
import { classifyValue, isNewKeyOfRole, isPlaceholder } from '../src/keys/values.js';

// ---- names and values ---------------------------------------------------------------------------

const LEGACY = [
  'SUPABASE_ANON_KEY',
  'VITE_SUPABASE_ANON_KEY',
  'NEXT_PUBLIC_SUPABASE_ANON_KEY',
  'SUPABASE_SERVICE_ROLE_KEY',
  'SUPABASE_SERVICE_KEY',
  'STAGING_SUPABASE_SERVICE_ROLE_KEY',
];
/** A service_role name behind a public prefix: never renamed (`secret-key-exposed`). */
const EXPOSED = ['NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY'];
/** Other names that merely contain a legacy name: never touched. */
const LOOK_ALIKES = ['VITE_SUPABASE_ANON_KEYS', 'MY_SUPABASE_ANON_KEY_LABEL', 'SUPABASE_ANON_KEY_FILE'];
/** A dotted key (dotenv allows `.` in keys): another key, used only as a key. */
const DOTTED = ['SUPABASE_ANON_KEY.bak'];
const NEW_NAMES = ['VITE_SUPABASE_PUBLISHABLE_KEY', 'SUPABASE_SECRET_KEY', 'SUPABASE_PUBLISHABLE_KEY'];
const NEUTRAL = ['SUPABASE_URL', 'PORT', 'APP_NAME'];
/** Names that appear in references, comments and as plain text inside values. */
const TEXT_NAMES = [...LEGACY, ...EXPOSED, ...LOOK_ALIKES, ...NEW_NAMES, ...NEUTRAL];

/** The public prefixes among the names above (bundlers inline these into browser code). */
const PUBLIC_NAME = /^(?:VITE_|NEXT_PUBLIC_)/;

const SUPPLIED = {
  publishable: 'sb_publishable_PROPERTYpropertyPROP1_abcdEFGH',
  secret: 'sb_secret_PROPERTYpropertyPROP2_abcdEFGH',
};

type Role = 'anon' | 'service_role';
type KeyRole = 'publishable' | 'secret';

/** The role a name claims by its words (legacy, new, look-alike alike), if any. */
function claimedRole(name: string): KeyRole | undefined {
  if (/SECRET|SERVICE_ROLE|SERVICE_KEY/.test(name)) return 'secret';
  if (/PUBLISHABLE|ANON/.test(name)) return 'publishable';
  return undefined;
}

// ---- the model: a .env file as a list of constructs, rendered to text ---------------------------

/** Pieces of a value or a comment. Generation always puts a separator between two atoms. */
type Piece =
  | { kind: 'text'; text: string }
  /** A name written as plain text (not a reference): renamed in comments, kept inside values. */
  | { kind: 'name'; name: string }
  /** `$NAME` or `${NAME}`; `escaped` writes `\$NAME`, which is no reference. */
  | { kind: 'ref'; name: string; braced: boolean; escaped: boolean }
  /** A `\n` escape (double quotes only). */
  | { kind: 'escape' }
  /** A real line break inside a double-quoted value. */
  | { kind: 'newline'; crlf: boolean };

interface Value {
  quote: '' | "'" | '"' | '`';
  pieces: Piece[];
  /** Set when the whole value is a fake legacy JWT of this role (not for the CLI's demo JWTs). */
  jwt?: Role;
}

interface Entry {
  kind: 'entry';
  indent: string;
  exported: boolean;
  key: string;
  /** `=`, ` = `, `= `, ` =` or the colon style `: `. */
  sep: string;
  value: Value;
  /** Blanks after the value (dotenv trims them). */
  trailing: string;
  /** An inline ` # …` comment after the value. */
  comment?: Piece[] | undefined;
  crlf: boolean;
}

type Construct =
  | Entry
  | { kind: 'comment'; pieces: Piece[]; crlf: boolean }
  | { kind: 'blank'; blanks: string; crlf: boolean };

interface EnvFile {
  bom: boolean;
  /** `mixed` takes each line's own `crlf` flag. */
  eol: 'lf' | 'crlf' | 'mixed';
  constructs: Construct[];
  finalNewline: boolean;
}

function lineBreak(file: EnvFile, crlf: boolean): string {
  if (file.eol === 'lf') return '\n';
  if (file.eol === 'crlf') return '\r\n';
  return crlf ? '\r\n' : '\n';
}

const same = (name: string) => name;

interface RenderOptions {
  /** The name written at a key, reference or comment position. */
  rename?: (name: string) => string;
  /** Entries whose whole lines are left out. */
  drop?: (entry: Entry) => boolean;
  /** A new value written between an entry's quotes. */
  replace?: (entry: Entry) => string | undefined;
  /** A line added after an entry: the same entry under another key with another value. */
  insertAfter?: (entry: Entry) => { key: string; inner: string } | undefined;
}

function renderPieces(file: EnvFile, pieces: readonly Piece[], where: 'value' | 'comment', rename: (name: string) => string): string {
  return pieces
    .map((piece) => {
      switch (piece.kind) {
        case 'text':
          return piece.text;
        case 'name':
          return where === 'comment' ? rename(piece.name) : piece.name;
        case 'ref': {
          // A reference inside a value is renamed unless escaped; in a comment every name is.
          const name = piece.escaped && where === 'value' ? piece.name : rename(piece.name);
          return `${piece.escaped ? '\\' : ''}$${piece.braced ? `{${name}}` : name}`;
        }
        case 'escape':
          return '\\n';
        case 'newline':
          return lineBreak(file, piece.crlf);
      }
    })
    .join('');
}

function renderEntry(file: EnvFile, entry: Entry, rename: (name: string) => string, inner?: string): string {
  const { quote } = entry.value;
  // References inside single quotes are literal text: dotenv-expand does not expand them.
  const valueRename = quote === "'" ? same : rename;
  const value = quote + (inner ?? renderPieces(file, entry.value.pieces, 'value', valueRename)) + quote;
  const comment = entry.comment ? ` # ${renderPieces(file, entry.comment, 'comment', rename)}` : '';
  return `${entry.indent}${entry.exported ? 'export ' : ''}${rename(entry.key)}${entry.sep}${value}${entry.trailing}${comment}`;
}

function render(file: EnvFile, options: RenderOptions = {}): string {
  const rename = options.rename ?? same;
  let out = file.bom ? '\uFEFF' : '';
  file.constructs.forEach((construct, index) => {
    const last = index === file.constructs.length - 1;
    const eol = last && !file.finalNewline ? '' : lineBreak(file, construct.crlf);
    if (construct.kind === 'comment') out += `#${renderPieces(file, construct.pieces, 'comment', rename)}${eol}`;
    else if (construct.kind === 'blank') out += construct.blanks + eol;
    else if (!options.drop?.(construct)) {
      out += renderEntry(file, construct, rename, options.replace?.(construct)) + eol;
      const inserted = options.insertAfter?.(construct);
      if (inserted) {
        // A last line without a line break gets one first, like the line before it (LF on a first line).
        const previous = file.constructs[index - 1];
        const before = eol !== '' ? '' : previous ? lineBreak(file, previous.crlf) : '\n';
        out += before + renderEntry(file, { ...construct, key: inserted.key }, same, inserted.inner) + eol;
      }
    }
  });
  return out;
}

const entriesOf = (file: EnvFile): Entry[] => file.constructs.filter((c): c is Entry => c.kind === 'entry');

/** What dotenv should read from the file, straight from the model (the last duplicate wins). */
function modelParse(file: EnvFile): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entriesOf(file)) {
    const raw = renderPieces(file, entry.value.pieces, 'value', same);
    const { quote } = entry.value;
    out[entry.key] = quote === '' ? raw.trim() : quote === '"' ? raw.replace(/\r\n/g, '\n').replace(/\\n/g, '\n') : raw;
  }
  return out;
}

// ---- what the migration should do, from the model -----------------------------------------------

interface Analysis {
  keys: Set<string>;
  /** Legacy names kept because two of them would become one key and neither is canonical (SPEC §2: never merge two names). */
  blocked: Set<string>;
  /** The new name a name is renamed to (decideName 'rename', not blocked), or undefined. */
  newName(name: string): string | undefined;
  /** A legacy key whose new name is already a key, or an alias beside its canonical name: its lines go. */
  retiredKey(key: string): boolean;
  retired(entry: Entry): boolean;
}

/**
 * `refs`: the names the file's values reference (`$X`, `${X}`; not `\$X`, not inside single quotes). With its keys they
 * are the file's env uses: a name with an unknown prefix (`STAGING_`) that only a comment names is not a key name
 * (issue 18, item 3), so it is not renamed.
 */
function analyse(values: Readonly<Record<string, string>>, supplied = false, refs: ReadonlySet<string> = new Set()): Analysis {
  const keys = new Set(Object.keys(values));
  const byFinalName = new Map<string, Set<string>>();
  for (const key of keys) {
    const decision = decideName(key);
    const finalName = decision?.kind === 'rename' ? decision.newName : key;
    byFinalName.set(finalName, (byFinalName.get(finalName) ?? new Set()).add(key));
  }
  // Whether two keys hold the same key (SPEC §2: which value wins is for a person to say): the same value
  // as the run leaves it, a placeholder beside anything, or a legacy JWT beside the new key that replaces it.
  const sameKey = (name: string, other: string) => {
    const role = (decideName(name) as { role: KeyRole }).role;
    const legacy = role === 'publishable' ? 'legacy-anon' : 'legacy-service-role';
    const effective = (v: string) => (supplied && classifyValue(v) === legacy ? SUPPLIED[role] : v);
    const value = (values[name] as string).trim();
    const otherValue = (values[other] as string).trim();
    if (isPlaceholder(value)) return true;
    return effective(value) === effective(otherValue) || (classifyValue(value) === legacy && isNewKeyOfRole(effective(otherValue), role));
  };
  const blocked = new Set<string>();
  // Aliases beside the one canonical name of their new name, holding the same key: their lines go.
  const aliases = new Set<string>();
  for (const [finalName, names] of byFinalName) {
    if (names.size < 2) continue;
    if (names.has(finalName)) {
      for (const name of names) if (name !== finalName && !isCanonicalName(name) && !sameKey(name, finalName)) blocked.add(name);
      continue;
    }
    const canonical = [...names].filter(isCanonicalName);
    for (const name of names) {
      if (canonical.length !== 1) blocked.add(name);
      else if (name !== canonical[0]) (sameKey(name, canonical[0] as string) ? aliases : blocked).add(name);
    }
  }
  const keyName = (name: string) => hasKeyPrefix(name) || keys.has(name) || refs.has(name);
  const newName = (name: string) => {
    const decision = decideName(name);
    return decision?.kind === 'rename' && !blocked.has(name) && keyName(name) ? decision.newName : undefined;
  };
  const retiredKey = (key: string) => {
    const renamed = newName(key);
    return renamed !== undefined && (keys.has(renamed) || aliases.has(key));
  };
  return { keys, blocked, newName, retiredKey, retired: (entry: Entry) => retiredKey(entry.key) };
}

const analyseFile = (file: EnvFile, supplied = false) => analyse(modelParse(file), supplied, referencedNames(file));

/** The names the values of a file reference, as dotenv-expand expands them. */
function referencedNames(file: EnvFile): Set<string> {
  const names = new Set<string>();
  for (const entry of entriesOf(file)) {
    if (entry.value.quote === "'") continue;
    for (const piece of entry.value.pieces) if (piece.kind === 'ref' && !piece.escaped) names.add(piece.name);
  }
  return names;
}

const renamer = (analysis: Analysis) => (name: string) => analysis.newName(name) ?? name;

/**
 * The supplied key that replaces an entry's legacy JWT: by the JWT's role, never a service_role JWT
 * under a public name, and never where the name claims the other role (src policy since e0d6abd:
 * "a legacy JWT whose role disagrees with its name's is reported, not replaced").
 */
function replacementFor(entry: Entry): string | undefined {
  const role: KeyRole | undefined = entry.value.jwt === 'anon' ? 'publishable' : entry.value.jwt === 'service_role' ? 'secret' : undefined;
  if (!role || (role === 'secret' && PUBLIC_NAME.test(entry.key))) return undefined;
  const claimed = claimedRole(entry.key);
  return claimed && claimed !== role ? undefined : SUPPLIED[role];
}

/** `$OLD` / `${OLD}` in a value as dotenv reads it, renamed; not `\$OLD`. */
function renameRefs(value: string, newName: (name: string) => string | undefined): string {
  return value.replace(/(?<!\\)\$(\{?)([A-Za-z_][A-Za-z0-9_]*)/g, (match, brace: string, name: string) => {
    const renamed = newName(name);
    return renamed === undefined ? match : `$${brace}${renamed}`;
  });
}

/**
 * dotenv's view of the input after a plain run: keys renamed (a legacy key beside its new key
 * dropped), references renamed outside single quotes; with `supplied`, legacy JWTs replaced.
 */
function expectedParse(input: string, file: EnvFile, supplied: boolean): Record<string, string> {
  const parsed = parse(input);
  const analysis = analyse(parsed, supplied, referencedNames(file));
  // The last entry of each key is the one dotenv keeps.
  const last = new Map(entriesOf(file).map((entry) => [entry.key, entry]));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const renamed = analysis.newName(key);
    if (analysis.retiredKey(key)) continue;
    const entry = last.get(key) as Entry;
    const replacement = supplied ? replacementFor(entry) : undefined;
    out[renamed ?? key] = replacement ?? (entry.value.quote === "'" ? value : renameRefs(value, analysis.newName));
  }
  return out;
}

/** The line a transitional run adds after a legacy entry: it holds a legacy JWT of its name's role. */
const transitionalInsertion = (analysis: Analysis) => (entry: Entry) => {
  const renamed = analysis.newName(entry.key);
  const replacement = replacementFor(entry);
  return renamed !== undefined && replacement !== undefined && !analysis.retired(entry) ? { key: renamed, inner: replacement } : undefined;
};

// ---- arbitraries ---------------------------------------------------------------------------------

const chars = (alphabet: string, minLength = 1, maxLength = 8) => fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });

/** true about once in `n`. */
const rarely = (n: number) => fc.oneof({ weight: n - 1, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Text in values and comments: lower case, so no name forms by accident; never `$`, `{`, `}` or `\`. */
const TEXT = {
  unquoted: chars(`${LOWER}-_.:/@`),
  single: chars(`${LOWER} -_.:/@#"\``),
  double: chars(`${LOWER} -_.:/@#'\``),
  back: chars(`${LOWER} -_.:/@#'"`),
  comment: chars(`${LOWER} -_.:/@#'"\`=`),
};
/** Separators between two atoms: never an identifier character, so a name keeps its boundaries. */
const SEPARATORS = [' ', '/', ':', '-', '.', ','];

const nameArb = fc.constantFrom(...TEXT_NAMES);
const keyArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...LEGACY) },
  { weight: 1, arbitrary: fc.constantFrom(...EXPOSED) },
  { weight: 2, arbitrary: fc.constantFrom(...LOOK_ALIKES, ...DOTTED) },
  { weight: 2, arbitrary: fc.constantFrom(...NEW_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...NEUTRAL) },
);

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const HEADER = b64('{"alg":"HS256","typ":"JWT"}');
const jwtOf = (role: Role, ref: string, iat: number, signature: string) =>
  `${HEADER}.${b64(JSON.stringify({ iss: 'supabase', ref, role, iat, exp: iat + 315_360_000 }))}.${signature}`;
/** The local CLI's demo keys: `"iss":"supabase-demo"`, no `ref`; not legacy project keys, never replaced. */
const demoJwtOf = (role: Role, signature: string) => `${HEADER}.${b64(JSON.stringify({ iss: 'supabase-demo', role, exp: 1983812996 }))}.${signature}`;
const jwtArb = fc
  .record({
    role: fc.constantFrom<Role>('anon', 'service_role'),
    demo: rarely(8),
    ref: chars('abcdefghijklmnopqrstuvwxyz', 20, 20),
    iat: fc.integer({ min: 1_600_000_000, max: 1_700_000_000 }),
    signature: chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 43, 43),
  })
  .map(({ role, demo, ref, iat, signature }) =>
    demo ? { role: undefined, token: demoJwtOf(role, signature) } : { role, token: jwtOf(role, ref, iat, signature) },
  );

const PLACEHOLDERS = ['your-anon-key', '<anon key>', 'xxx', 'changeme', 'placeholder'];

/** Atoms joined by separators; `multiline` lets a separator be a `\n` escape or a real line break. */
function piecesArb(
  text: fc.Arbitrary<string>,
  options: { refs: boolean; names?: boolean; multiline?: boolean; maxAtoms?: number },
): fc.Arbitrary<Piece[]> {
  const atom = fc.oneof(
    { weight: 3, arbitrary: text.map((t): Piece => ({ kind: 'text', text: t })) },
    ...(options.names === false ? [] : [{ weight: 1, arbitrary: nameArb.map((name): Piece => ({ kind: 'name', name })) }]),
    ...(options.refs
      ? [
          {
            weight: 3,
            arbitrary: fc
              .record({ name: nameArb, braced: fc.boolean(), escaped: rarely(6) })
              .map((r): Piece => ({ kind: 'ref', ...r })),
          },
        ]
      : []),
  );
  const separator = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS).map((t): Piece => ({ kind: 'text', text: t })) },
    ...(options.multiline
      ? [
          { weight: 1, arbitrary: fc.constant<Piece>({ kind: 'escape' }) },
          { weight: 2, arbitrary: fc.boolean().map((crlf): Piece => ({ kind: 'newline', crlf })) },
        ]
      : []),
  );
  return fc.array(fc.tuple(separator, atom), { minLength: 1, maxLength: options.maxAtoms ?? 4 }).map((pairs) => pairs.flat().slice(1));
}

function valueArb(options: { refs: boolean; multiline: boolean }): fc.Arbitrary<Value> {
  const quote = fc.constantFrom<Value['quote']>('', "'", '"', '`');
  const textOf = { '': TEXT.unquoted, "'": TEXT.single, '"': TEXT.double, '`': TEXT.back } as const;
  return fc.oneof(
    {
      weight: 3,
      // Inside quotes the JWT may have blanks around it: still a legacy key (values are trimmed to classify).
      arbitrary: fc.tuple(jwtArb, quote, fc.constantFrom('', '', '', ' ')).map(
        ([jwt, q, pad]): Value => ({
          quote: q,
          pieces: [{ kind: 'text', text: q === '' ? jwt.token : pad + jwt.token + pad }],
          ...(jwt.role ? { jwt: jwt.role } : {}),
        }),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PLACEHOLDERS), quote).map(([t, q]): Value => ({ quote: q, pieces: [{ kind: 'text', text: t }] })) },
    { weight: 1, arbitrary: quote.map((q): Value => ({ quote: q, pieces: [] })) },
    {
      weight: 4,
      arbitrary: quote.chain((q) =>
        piecesArb(textOf[q], { refs: options.refs, multiline: q === '"' && options.multiline }).map((pieces): Value => ({ quote: q, pieces })),
      ),
    },
  );
}

/** `plain`: a one-line value without references and an inline comment without names. */
function entryArb(options: { plain?: boolean; key?: fc.Arbitrary<string> } = {}): fc.Arbitrary<Entry> {
  const plain = options.plain ?? false;
  return fc
    .record({
      indent: fc.constantFrom('', '', '', ' ', '\t'),
      exported: fc.boolean(),
      key: options.key ?? keyArb,
      sep: fc.constantFrom('=', '=', '=', ' = ', '= ', ' =', ': '),
      value: valueArb({ refs: !plain, multiline: !plain }),
      trailing: fc.constantFrom('', '', '', ' ', '\t'),
      // After a quoted value, or an unquoted one (dotenv ends an unquoted value at ` #`).
      comment: fc.option(piecesArb(TEXT.comment, { refs: !plain, names: !plain, maxAtoms: 2 }), { nil: undefined, freq: 3 }),
      crlf: fc.boolean(),
    })
    .map((entry): Entry => ({ kind: 'entry', ...entry }));
}

const commentArb = fc
  .record({ pieces: piecesArb(TEXT.comment, { refs: true }), crlf: fc.boolean() })
  .map(({ pieces, crlf }): Construct => ({ kind: 'comment', pieces: [{ kind: 'text', text: ' ' }, ...pieces], crlf }));
const blankArb = fc.record({ blanks: fc.constantFrom('', '', ' ', '\t', '  '), crlf: fc.boolean() }).map((b): Construct => ({ kind: 'blank', ...b }));

/** Up to 12 constructs: entries, full-line comments, blank lines. */
function fileArb(maxConstructs = 12): fc.Arbitrary<EnvFile> {
  const construct = fc.oneof(
    { weight: 6, arbitrary: entryArb() as fc.Arbitrary<Construct> },
    { weight: 1, arbitrary: commentArb },
    { weight: 1, arbitrary: blankArb },
  );
  return fc.record({
    bom: fc.boolean(),
    eol: fc.constantFrom<EnvFile['eol']>('lf', 'crlf', 'mixed'),
    constructs: fc.array(construct, { maxLength: maxConstructs }),
    finalNewline: fc.boolean(),
  });
}

// ---- seeds, run first every time: the first two broke before e0d6abd (the BOM went with a removed or copied first line)

const simpleEntry = (key: string, text: string, jwt?: Role): Entry => ({
  kind: 'entry',
  indent: '',
  exported: false,
  key,
  sep: '=',
  value: { quote: '', pieces: [{ kind: 'text', text }], ...(jwt ? { jwt } : {}) },
  trailing: '',
  crlf: false,
});

const SERVICE_ROLE_JWT = jwtOf('service_role', 'abcdefghijklmnopqrst', 1_600_000_000, 'A'.repeat(43));

const SEEDS: EnvFile[] = [
  // "\uFEFFSUPABASE_ANON_KEY=a\nSUPABASE_PUBLISHABLE_KEY=b\n"
  { bom: true, eol: 'lf', constructs: [simpleEntry('SUPABASE_ANON_KEY', 'a'), simpleEntry('SUPABASE_PUBLISHABLE_KEY', 'b')], finalNewline: true },
  // "\uFEFFSUPABASE_SERVICE_ROLE_KEY=<service_role JWT>\n"
  { bom: true, eol: 'lf', constructs: [simpleEntry('SUPABASE_SERVICE_ROLE_KEY', SERVICE_ROLE_JWT, 'service_role')], finalNewline: true },
  // "A=1\r\nSUPABASE_SERVICE_ROLE_KEY=<service_role JWT>": a last line without a line break, after a CRLF line.
  { bom: false, eol: 'crlf', constructs: [simpleEntry('A', '1'), simpleEntry('SUPABASE_SERVICE_ROLE_KEY', SERVICE_ROLE_JWT, 'service_role')], finalNewline: false },
];

// ---- running the tool -------------------------------------------------------------------------

const PATTERN = namePattern({});

function run(text: string, options: PlanFileOptions): string {
  return planFile({ path: '.env', kind: 'env', text }, PATTERN, {}, options).after;
}

const PLAIN: PlanFileOptions = {};
const WITH_KEYS: PlanFileOptions = { supplied: SUPPLIED };
const TRANSITIONAL: PlanFileOptions = { supplied: SUPPLIED, transitional: true };

const NUM_RUNS = 200;
function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, examples: T[] = []): void {
  fc.assert(
    fc.property(arb, (value) => {
      predicate(value);
    }),
    { numRuns: NUM_RUNS, examples: examples.map((example): [T] => [example]) },
  );
}

// ---- properties -------------------------------------------------------------------------------

describe('.env migration properties', () => {
  it('0. the generator writes the files it means: dotenv reads the model back', () => {
    check(fileArb(), (file) => {
      expect(parse(render(file))).toEqual(modelParse(file));
    });
  });

  it('1. dotenv equivalence: keys and references renamed, a legacy key beside its new key dropped', () => {
    check(
      fileArb(),
      (file) => {
        const input = render(file);
        fc.pre(analyse(parse(input)).blocked.size === 0);
        expect(parse(run(input, PLAIN))).toEqual(expectedParse(input, file, false));
      },
      SEEDS,
    );
  });

  it('1b. two legacy keys of one new key: the canonical one is renamed; the alias line goes when it holds the same key', () => {
    // Both secret names map to SUPABASE_SECRET_KEY; SUPABASE_SERVICE_ROLE_KEY is the canonical one (SPEC §2).
    const collidingArb = fc
      .record({
        base: fileArb(10),
        role: entryArb({ plain: true, key: fc.constant('SUPABASE_SERVICE_ROLE_KEY') }),
        service: entryArb({ plain: true, key: fc.constant('SUPABASE_SERVICE_KEY') }),
        sameValue: fc.boolean(),
        at: fc.tuple(fc.nat(), fc.nat()),
      })
      .map(({ base, role, service, sameValue, at }) => {
        const constructs = [...base.constructs];
        constructs.splice(at[0] % (constructs.length + 1), 0, role);
        constructs.splice(at[1] % (constructs.length + 1), 0, sameValue ? { ...service, value: role.value } : service);
        return { ...base, constructs };
      });
    check(collidingArb, (file) => {
      const keys = entriesOf(file).map((entry) => entry.key);
      fc.pre(!keys.includes('SUPABASE_SECRET_KEY') && keys.filter((key) => key === 'SUPABASE_SERVICE_ROLE_KEY').length === 1);
      const input = render(file);
      const output = run(input, PLAIN);
      const analysis = analyseFile(file);
      expect(output).toBe(render(file, { rename: renamer(analysis), drop: analysis.retired }));
      const parsed = parse(output);
      expect(parsed).not.toHaveProperty('SUPABASE_SERVICE_ROLE_KEY');
      expect(parsed).toHaveProperty('SUPABASE_SECRET_KEY');
      // The alias stays exactly when it holds another value than the canonical name (a person decides).
      expect('SUPABASE_SERVICE_KEY' in parsed).toBe(analysis.blocked.has('SUPABASE_SERVICE_KEY'));
      expect(run(output, PLAIN)).toBe(output);
    });
  });

  /*
   * 2. Exact bytes. The expected output is the model rendered again with every name at a key,
   * reference (`$X`, `${X}`; not `\$X`, not inside single quotes) or comment position renamed
   * (decideName 'rename', not blocked by a collision), and the whole lines, line break included,
   * of each retired entry left out. Names written as plain text inside a value stay. Everything
   * else — BOM, blank lines, `export `, indentation, spacing around `=`/`:`, quotes, escapes,
   * multi-line values, inline comments, LF/CRLF per line, a missing final newline — is rendered
   * from the same model, so `output === expected` is exact.
   */
  it('2. bytes outside renamed names are unchanged (retired lines go whole)', () => {
    check(
      fileArb(),
      (file) => {
        const analysis = analyseFile(file);
        const expected = render(file, { rename: renamer(analysis), drop: analysis.retired });
        expect(run(render(file), PLAIN)).toBe(expected);
      },
      SEEDS,
    );
  });

  it('2b. with supplied keys, bytes outside renamed names and replaced values are unchanged', () => {
    check(
      fileArb(),
      (file) => {
        const analysis = analyseFile(file, true);
        const expected = render(file, { rename: renamer(analysis), drop: analysis.retired, replace: replacementFor });
        expect(run(render(file), WITH_KEYS)).toBe(expected);
      },
      SEEDS,
    );
  });

  it('3. a second run changes nothing (plain, with supplied keys, transitional with supplied keys)', () => {
    check(
      fileArb(),
      (file) => {
        for (const options of [PLAIN, WITH_KEYS, TRANSITIONAL]) {
          const once = run(render(file), options);
          expect(run(once, options)).toBe(once);
        }
      },
      SEEDS,
    );
  });

  /*
   * 4. Supplied keys. An anon JWT becomes the publishable key, a service_role JWT the secret key
   * except under a public name. Where the name claims the other role (an anon JWT under
   * SUPABASE_SERVICE_ROLE_KEY, a service_role JWT under MY_SUPABASE_ANON_KEY_LABEL) the value is
   * kept: src's deliberate policy since e0d6abd (a person decides which key belongs there), which
   * narrows the brief's "every anon JWT under a non-public name". Every other value stays.
   */
  it('4. supplied keys replace legacy JWT values by role; no other value changes', () => {
    check(
      fileArb(),
      (file) => {
        const input = render(file);
        fc.pre(analyse(parse(input), true).blocked.size === 0);
        expect(parse(run(input, WITH_KEYS))).toEqual(expectedParse(input, file, true));
      },
      SEEDS,
    );
  });

  it('4b. supplied keys replace legacy JWT values under names a collision keeps too', () => {
    check(fileArb(), (file) => {
      const input = render(file);
      expect(parse(run(input, WITH_KEYS))).toEqual(expectedParse(input, file, true));
    });
  });

  /*
   * 5. Transitional then final equals final. Restricted to files where no legacy key occurs twice:
   * the transitional run adds a new line only after an entry holding a legacy JWT of its name's
   * role, and the final run then retires every line of that legacy key; a second entry of the same
   * key (a placeholder after the JWT, say) disappears instead of being renamed as one final run
   * would. Both are defensible for a file dotenv reads as "last one wins", but not equal.
   */
  it('5. a transitional run followed by a plain run ends where one plain run does', () => {
    check(
      fileArb(),
      (file) => {
        const legacyKeys = entriesOf(file)
          .map((entry) => entry.key)
          .filter((key) => decideName(key)?.kind === 'rename');
        fc.pre(new Set(legacyKeys).size === legacyKeys.length);
        const input = render(file);
        expect(run(run(input, TRANSITIONAL), WITH_KEYS)).toBe(run(input, WITH_KEYS));
      },
      SEEDS,
    );
  });

  /*
   * 6. (Beyond the five asked for.) The exact bytes of a transitional run with supplied keys: no
   * name changes; right after each legacy entry that holds a legacy JWT of its name's role (not
   * retired, not blocked) comes a copy of its lines in its own style (indent, `export `, separator,
   * quotes, inline comment, line break) under the new name with the supplied value — a last line
   * without a line break first gets one like the line before's; entries under other (non-legacy)
   * names take the supplied value in place, as a plain run would; legacy lines keep theirs.
   */
  it('6. a transitional run adds a copy of each legacy JWT line under its new name, and nothing else', () => {
    check(
      fileArb(),
      (file) => {
        const analysis = analyseFile(file, true);
        const expected = render(file, {
          insertAfter: transitionalInsertion(analysis),
          replace: (entry) => (decideName(entry.key)?.kind === 'rename' ? undefined : replacementFor(entry)),
        });
        expect(run(render(file), TRANSITIONAL)).toBe(expected);
      },
      SEEDS,
    );
  });
});
