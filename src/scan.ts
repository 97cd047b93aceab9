// Finds every occurrence of a migrated name in one file's text and tells what syntax it sits in.
import type { FileKind } from './file-kinds.js';
import { decideName, type NameDecision, type NameMap } from './keys.js';
import { scriptRegions } from './markup.js';
import type { Namespace } from './declarations.js';
import { dialectOf, parseScript, siteAt, type SyntaxSite } from './parse.js';
import { lineStarts, positionAt, type Position } from './positions.js';

export type OccurrenceContext = SyntaxSite['context'] | 'markup' | 'env' | 'text';

/** One place a migrated name appears: the unit every rule reasons about. */
export interface Occurrence {
  start: number;
  end: number;
  decision: NameDecision;
  context: OccurrenceContext;
  /** Read from the runtime's environment (`Deno.env.get('X')`, `process.env.X`, …). */
  runtimeRead: boolean;
}

export interface ScannedFile {
  /** Relative to the root, `/`-separated. */
  path: string;
  kind: FileKind;
  text: string;
  occurrences: Occurrence[];
  /** Set when the file (or one of its script blocks) has a syntax error: nothing in it is edited. */
  parseError?: { offset: number; message: string };
  /** Namespaces a migrated name is declared into (keys, members, bindings), for collision checks. */
  namespaces: (Namespace & { offset: number })[];
  locate(offset: number): Position;
}

export interface ScanInput {
  path: string;
  kind: FileKind;
  text: string;
}

/** Scans a text; `pattern` comes from `namePattern(map)` and is shared by the whole run. */
export function scanFile(input: ScanInput, pattern: RegExp, map: NameMap): ScannedFile {
  const { path, kind, text } = input;
  let starts: number[] | undefined;
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const locate = (offset: number): Position => positionAt((starts ??= lineStarts(text)), offset, hasBom);

  const occurrences: Occurrence[] = [];
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    const decision = decideName(match[0], map);
    if (!decision) continue;
    const start = match.index as number;
    occurrences.push({ start, end: start + match[0].length, decision, context: baseContext(kind), runtimeRead: false });
  }
  const scanned: ScannedFile = { path, kind, text, occurrences, namespaces: [], locate };
  if (occurrences.length === 0) return scanned;

  if (kind === 'code') {
    classifyRegion(scanned, { start: 0, end: text.length, dialect: dialectOf(path) });
  } else if (kind === 'markup') {
    // Every script block is parsed, so a syntax error anywhere keeps the whole file as it is.
    for (const region of scriptRegions(path, text)) classifyRegion(scanned, region);
  } else if (kind === 'env') {
    addEnvKeys(scanned);
  }
  // In code, `$` is an identifier character: `foo$SUPABASE_ANON_KEY` is another name.
  scanned.occurrences = occurrences.filter(
    (o) => o.context !== 'identifier' || (text[o.start - 1] !== '$' && text[o.end] !== '$'),
  );
  return scanned;
}

const ENV_KEY = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:]/gm;

/** The keys of a .env file form one namespace: two keys renamed to one name would shadow each other. */
function addEnvKeys(file: ScannedFile): void {
  const keys = [...file.text.matchAll(ENV_KEY)].map((match) => ({ name: match[1] as string, start: (match.index as number) + match[0].indexOf(match[1] as string) }));
  const keyStarts = new Set(keys.map((key) => key.start));
  const first = file.occurrences.find((o) => keyStarts.has(o.start));
  if (first) file.namespaces.push({ id: 'env-keys', names: keys.map((key) => key.name), offset: first.start });
}

function baseContext(kind: FileKind): OccurrenceContext {
  switch (kind) {
    case 'code':
      return 'identifier';
    case 'markup':
      return 'markup';
    case 'env':
      return 'env';
    case 'markdown':
      return 'text';
  }
}

function classifyRegion(file: ScannedFile, region: { start: number; end: number; dialect: ReturnType<typeof dialectOf> }): void {
  const source = file.text.slice(region.start, region.end);
  const parsed = parseScript(file.path, source, region.dialect);
  if (parsed.error && !file.parseError) {
    file.parseError = { offset: region.start + parsed.error.offset, message: parsed.error.message };
  }
  for (const occurrence of file.occurrences) {
    if (occurrence.start < region.start || occurrence.end > region.end) continue;
    const site = siteAt(parsed.sourceFile, occurrence.start - region.start);
    occurrence.context = site.context;
    occurrence.runtimeRead = site.runtimeRead;
    for (const namespace of site.namespaces) {
      const id = `${region.start}:${namespace.id}`;
      if (!file.namespaces.some((known) => known.id === id)) file.namespaces.push({ id, names: namespace.names, offset: occurrence.start });
    }
  }
}
