// Finds every occurrence of a migrated name in one file's text and tells what syntax it sits in.
import type { Namespace } from './declarations.js';
import { envEntries, type EnvEntry } from './dotenv.js';
import type { FileKind } from './file-kinds.js';
import { decideName, type NameDecision, type NameMap } from './keys.js';
import { isEdgeFunctionFile } from './locations.js';
import { scriptRegions } from './markup.js';
import { dialectOf, parseScript, siteAt, type SyntaxSite } from './parse.js';
import type { EnvRead } from './reads.js';
import { lineStarts, positionAt, type Position } from './positions.js';
import { findDirectives, type Directive } from './suppressions.js';

export type OccurrenceContext = SyntaxSite['context'] | 'markup' | 'env-key' | 'env-ref' | 'env-value' | 'text';

/** One place a migrated name appears: the unit every rule reasons about. */
export interface Occurrence {
  start: number;
  end: number;
  decision: NameDecision;
  context: OccurrenceContext;
  /** Read from the runtime's environment (`Deno.env.get('X')`, `process.env.X`, …). */
  runtimeRead: boolean;
  /** The namespaces the name is declared into here (keys, members, bindings), for collision checks. */
  namespaces: Namespace[];
  /** What to remove when the site's new name already stands beside it in a `merge` namespace. */
  retireSpan?: { start: number; end: number };
  /** The runtime read a transitional fallback wraps (code only). */
  read?: EnvRead;
  /** The specifier of a static env import, where a transitional run adds the new name. */
  staticImport?: { start: number };
}

export interface ScannedFile {
  /** Relative to the root, `/`-separated. */
  path: string;
  kind: FileKind;
  text: string;
  occurrences: Occurrence[];
  /** The entries of a .env file. */
  env?: EnvEntry[];
  /** Set when the file (or one of its script blocks) has a syntax error: nothing in it is edited. */
  parseError?: { offset: number; message: string };
  /** `migrate-keys-ignore` comments; the plan marks the ones that silence a finding. */
  directives: Directive[];
  locate(offset: number): Position;
}

export interface ScanInput {
  path: string;
  kind: FileKind;
  text: string;
}

const ENV_VALUE_HINT = /eyJ|sb_secret_|sb_publishable_/;

const INVOCATION_HINT = /functions\s*\.\s*invoke|\/functions\/v1\//;
// New key names, key literals and Authorization headers: what the Bearer analysis follows.
const KEY_HINT = /SUPABASE_(?:PUBLISHABLE|SECRET)|SUPABASE_KEY|sb_(?:publishable|secret)_|eyJ|[Aa]uthorization/;

/**
 * The prefilter: whether a file is worth scanning at all, by cheap text tests, no parsing. Edge
 * Function code, project configs and deploy commands always are: the Edge Function model needs them.
 */
export function isCandidate(file: { path: string; kind: FileKind }, text: string, pattern: RegExp): boolean {
  const { path, kind } = file;
  if (kind === 'toml' || (kind === 'code' && isEdgeFunctionFile(path))) return true;
  if (kind === 'commands') return text.includes('functions deploy') || text.includes('Bearer') || text.includes('migrate-keys-ignore');
  if (kind === 'python') return text.includes('Bearer') || text.includes('migrate-keys-ignore');
  if (kind === 'sql') return /Bearer|eyJ|sb_(publishable|secret)_|migrate-keys-ignore/.test(text);
  return (
    text.search(pattern) >= 0 ||
    (kind === 'env' && ENV_VALUE_HINT.test(text)) ||
    text.includes('migrate-keys-ignore') ||
    ((kind === 'code' || kind === 'markup') && (KEY_HINT.test(text) || (text.includes('functions') && INVOCATION_HINT.test(text)))) ||
    (kind === 'markdown' && text.includes('Bearer'))
  );
}

/** Scans a text; `pattern` comes from `namePattern(map)` and is shared by the whole run. */
export function scanFile(input: ScanInput, pattern: RegExp, map: NameMap): ScannedFile {
  const { path, kind, text } = input;
  let starts: number[] | undefined;
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const locate = (offset: number): Position => positionAt((starts ??= lineStarts(text)), offset, hasBom);

  const occurrences: Occurrence[] = [];
  // Names in project configs and command files are for the CI/deploy scanners, not renamed here.
  const names = kind === 'toml' || kind === 'commands' || kind === 'python' || kind === 'sql' ? [] : text.matchAll(pattern);
  for (const match of names) {
    const decision = decideName(match[0], map);
    if (!decision) continue;
    const start = match.index as number;
    const context = kind === 'markup' ? 'markup' : kind === 'code' ? 'identifier' : 'text';
    occurrences.push({ start, end: start + match[0].length, decision, context, runtimeRead: false, namespaces: [] });
  }
  const directives = findDirectives(text, (offset) => locate(offset).line);
  const scanned: ScannedFile = { path, kind, text, occurrences, directives, locate };

  if (kind === 'env') {
    classifyEnv(scanned);
  } else if (occurrences.length === 0) {
    return scanned;
  } else if (kind === 'code') {
    classifyRegion(scanned, { start: 0, end: text.length, dialect: dialectOf(path) });
  } else if (kind === 'markup') {
    // Every script block is parsed, so a syntax error anywhere keeps the whole file as it is.
    for (const region of scriptRegions(path, text)) classifyRegion(scanned, region);
  }
  // In code, `$` is an identifier character: `foo$SUPABASE_ANON_KEY` is another name.
  scanned.occurrences = scanned.occurrences.filter(
    (o) => o.context !== 'identifier' || (text[o.start - 1] !== '$' && text[o.end] !== '$'),
  );
  return scanned;
}

/**
 * Keys, `$VAR`/`${VAR}` references inside values, other text inside values, and comments. A name
 * that is only part of a key (`SUPABASE_ANON_KEY.bak`) is another name. References are what
 * dotenv-expand expands: not an escaped `\$`, and nothing inside a single-quoted value.
 */
function classifyEnv(file: ScannedFile): void {
  const entries = envEntries(file.text);
  file.env = entries;
  const keys: Namespace = { id: 'env-keys', kind: 'merge', names: entries.map((entry) => entry.key) };
  file.occurrences = file.occurrences.filter((occurrence) => {
    const entry = entries.find((e) => occurrence.start >= e.lineStart && occurrence.start < e.lineEnd && occurrence.start < e.valueEnd);
    if (entry && occurrence.start >= entry.keyStart && occurrence.end <= entry.keyEnd) {
      if (occurrence.start !== entry.keyStart || occurrence.end !== entry.keyEnd) return false;
      occurrence.context = 'env-key';
      occurrence.namespaces = [keys];
      occurrence.retireSpan = { start: entry.lineStart, end: entry.lineEnd };
    } else if (entry && occurrence.start >= entry.valueStart) {
      const before = file.text.slice(Math.max(entry.valueStart, occurrence.start - 3), occurrence.start);
      const reference = /(?<!\\)\$\{?$/.test(before) && entry.quote !== "'";
      occurrence.context = reference ? 'env-ref' : 'env-value';
    } else {
      occurrence.context = 'comment';
    }
    return true;
  });
}

function classifyRegion(file: ScannedFile, region: { start: number; end: number; dialect: ReturnType<typeof dialectOf> }): void {
  const source = file.text.slice(region.start, region.end);
  const parsed = parseScript(file.path, source, region.dialect);
  if (parsed.error && !file.parseError) {
    file.parseError = { offset: region.start + parsed.error.offset, message: parsed.error.message };
  }
  const shift = (span: { start: number; end: number } | undefined) =>
    span && { start: span.start + region.start, end: span.end + region.start };
  for (const occurrence of file.occurrences) {
    if (occurrence.start < region.start || occurrence.end > region.end) continue;
    const site = siteAt(parsed.sourceFile, occurrence.start - region.start);
    occurrence.context = site.context;
    occurrence.runtimeRead = site.runtimeRead;
    occurrence.namespaces = site.namespaces.map((namespace) => ({ ...namespace, id: `${region.start}:${namespace.id}` }));
    occurrence.retireSpan = shift(site.retireSpan);
    if (site.read) {
      const { fallback } = site.read;
      occurrence.read = { ...site.read, ...shift(site.read), fallback: fallback && { ...fallback, ...shift(fallback) } };
    }
    if (site.staticImport) occurrence.staticImport = { start: site.staticImport.start + region.start };
  }
}
