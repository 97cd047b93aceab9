// Finds every occurrence of a migrated name in one file's text and tells what syntax it sits in.
import type { Namespace } from '../file-kinds/declarations.js';
import { envEntries, type EnvEntry } from '../file-kinds/env.js';
import type { FileKind } from '../file-kinds/index.js';
import { decideName, nameHint, type NameDecision, type NameMap } from '../keys/names.js';
import { scriptRegions } from '../file-kinds/markup.js';
import { dialectOf, Scripts, siteAt, type SyntaxSite } from '../file-kinds/parse.js';
import type { EnvRead } from '../file-kinds/reads.js';
import { lineStarts, positionAt, type Position } from './positions.js';
import { findDirectives, type Directive } from './suppressions.js';
import { jsonKeyNamespace, yamlKeyNamespace } from '../file-kinds/text-namespaces.js';
import { loadYaml } from './libraries.js';

type OccurrenceContext = SyntaxSite['context'] | 'markup' | 'env-key' | 'env-ref' | 'env-value' | 'text';

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
  /** Its scripts' syntax trees: the scan and the rules parse them through here. */
  scripts: Scripts;
}

export interface ScanInput {
  path: string;
  kind: FileKind;
  text: string;
}

const hints = new WeakMap<NameMap, RegExp>();

/** nameHint(map), made once per map (a run has one). */
function hintOf(map: NameMap): RegExp {
  let hint = hints.get(map);
  if (!hint) hints.set(map, (hint = nameHint(map)));
  return hint;
}

/** Line and column of an offset in `text`; the line starts are found on first use. */
export function locator(text: string): (offset: number) => Position {
  let starts: number[] | undefined;
  const hasBom = text.charCodeAt(0) === 0xfeff;
  return (offset) => positionAt((starts ??= lineStarts(text)), offset, hasBom);
}

/**
 * Scans a text; `pattern` comes from `namePattern(map)` and is shared by the whole run. The trees the
 * scan parses stay in `scripts` for the rules, unless the caller has released them.
 */
export function scanFile(input: ScanInput, pattern: RegExp, map: NameMap, scripts = new Scripts(input.path, input.text)): ScannedFile {
  const { path, kind, text } = input;
  const locate = locator(text);

  const occurrences: Occurrence[] = [];
  // supabase/config.toml and SQL keep their names: the Edge Function model and sql-legacy-key read them.
  // nameHint, led by literals, decides before the pattern runs: the pattern has no literal to search for.
  const mayName = hintOf(map).test(text);
  const names = kind === 'toml' || kind === 'sql' || kind === 'text' || !mayName ? [] : text.matchAll(pattern);
  const context = kind === 'markup' ? 'markup' : kind === 'code' ? 'identifier' : 'text';
  for (const match of names) {
    const decision = decideName(match[0], map);
    if (!decision) continue;
    const start = match.index as number;
    occurrences.push({ start, end: start + match[0].length, decision, context, runtimeRead: false, namespaces: [] });
  }
  if (kind === 'python') occurrences.push(...lowerCaseNames(text, pattern, map));
  const directives = findDirectives(text, (offset) => locate(offset).line);
  const scanned: ScannedFile = { path, kind, text, occurrences, directives, locate, scripts };

  if (kind === 'env') {
    classifyEnv(scanned);
  } else if (occurrences.length === 0) {
    return scanned;
  } else if (kind === 'code') {
    classifyRegion(scanned, { start: 0, end: text.length, dialect: dialectOf(path) });
  } else if (kind === 'markup') {
    // Every script block is parsed, so a syntax error anywhere keeps the whole file as it is.
    for (const region of scriptRegions(path, text)) classifyRegion(scanned, region);
  } else if (kind === 'yaml') {
    const error = yamlError(text);
    if (error) scanned.parseError = error;
    for (const o of occurrences) o.namespaces = [yamlKeyNamespace(text, o.start, o.end)].filter((n) => n !== undefined);
  } else if (kind === 'config' && path.endsWith('.json')) {
    for (const o of occurrences) o.namespaces = [jsonKeyNamespace(text, o.start, o.end)].filter((n) => n !== undefined);
  }
  // In code, `$` is an identifier character: `foo$SUPABASE_ANON_KEY` is another name.
  scanned.occurrences = scanned.occurrences.filter(
    (o) => o.context !== 'identifier' || (text[o.start - 1] !== '$' && text[o.end] !== '$'),
  );
  return scanned;
}

/**
 * pydantic-settings fields (`supabase_service_role_key: str`) read the env variable of the same name
 * in upper case: they, and every use of them, are renamed in lower case.
 */
function lowerCaseNames(text: string, pattern: RegExp, map: NameMap): Occurrence[] {
  // The same pattern without case, keeping only all-lower-case matches: the boundaries stay exact.
  const anyCase = new RegExp(pattern.source, 'gi');
  const found: Occurrence[] = [];
  for (const match of text.matchAll(anyCase)) {
    if (match[0] !== match[0].toLowerCase()) continue;
    const decision = decideName(match[0].toUpperCase(), map);
    if (!decision) continue;
    const start = match.index as number;
    const lowered: NameDecision =
      decision.kind === 'rename' ? { ...decision, name: match[0], newName: decision.newName.toLowerCase() } : { ...decision, name: match[0] };
    found.push({ start, end: start + match[0].length, decision: lowered, context: 'text', runtimeRead: false, namespaces: [] });
  }
  return found;
}

/** The first syntax error of a YAML text; a file that does not parse is not edited. */
function yamlError(text: string): { offset: number; message: string } | undefined {
  const { parseAllDocuments } = loadYaml();
  for (const document of parseAllDocuments(text)) {
    const [error] = 'errors' in document ? document.errors : [];
    if (error) return { offset: error.pos[0], message: error.message.split('\n')[0] as string };
  }
  return undefined;
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
  const parsed = file.scripts.parse(region);
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
