// Text ABOUT the migration (issue 27, item 1): a legacy name beside its new name, a search for it, an assertion that it is
// absent, and history (changelogs, release notes, ADRs, dated reports, agents' generated output). Renaming such a mention
// turns it into nonsense ("replaced X with X", a grep or a guard test for the new name), so the scan drops it and no rule
// edits or reports it. And text about Edge Functions (item 2), where the runtime's own names have JSON successors.
// Cheap by design: path tests once per file, line-level regexes only on the lines that already hold a name.
import type { NameDecision } from '../keys/names.js';
import { lineStarts, positionAt } from '../core/positions.js';
import type { Occurrence } from './scanned-text.js';

/** What the test needs of a scanned file: its path, kind (a FileKind; this module sits below the registry) and text. */
interface MentionFile {
  path: string;
  kind: string;
  text: string;
}

// History, in docs: what a file records was true when written; it is not an instruction to follow.
const HISTORY_NAME = /^(?:CHANGELOG|CHANGES|HISTORY|RELEASES?|RELEASE[-_ ]?NOTES|NEWS)(?:[-_.].*)?$/i;
const HISTORY_DIR = /(?:^|\/)(?:releases|release-notes|adrs?|decisions|docs\/plans)\//i;
// A dated report: 2026-01-12 or 20260112 in the file's name.
const DATED = /(?:^|[^0-9])(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])(?![0-9])/;
// Output agents and planning tools generate (chat histories, plans, task reports), any file kind. In `.claude/`,
// CLAUDE.md and the instructions agents follow (commands, agents, skills, rules) are not output: they keep being migrated.
const AGENT_OUTPUT = /(?:^|\/)(?:\.specstory|\.cursor\/plans|\.taskmaster\/(?:tasks|reports|docs)|\.kiro\/specs)\/|(?:^|\/)\.aider[^/]*$/;
const CLAUDE_OUTPUT = /(?:^|\/)\.claude\/(?!(?:commands|agents|skills|rules|hooks)\/)[^/]+(?:\/|$)/;

// A search for the name: grep and its kin, git grep, git log -S / -G.
const SEARCH = /(?:^|[^\w-])(?:grep|egrep|fgrep|rg|ack|findstr|Select-String)(?![\w-])|\bgit\s+(?:grep|log\b[^\n]*\s-[SG])/i;
// A pattern built to find it (code): a RegExp, Python's re.
const PATTERN_CALL = /\bnew RegExp\(|\bRegExp\(|\bre\.(?:compile|search|match|fullmatch|findall|finditer|sub)\(/;
// An assertion of its absence.
const ABSENCE =
  /\.not\.(?:toContain|toMatch|toHaveProperty|toInclude|include|includes|match|contain|have)\b|\bassert\b[^\n]*\bnot\s+in\b|\bassertNotIn\(|\bassertNotRegex\(|\bassert\.doesNotMatch\(|\.toBeUndefined\(\)|\brefute\b/;

const EDGE_TEXT = /edge[ -]?functions?|\bDeno\.env\b|function secrets|\bsecrets set\b|edge runtime/i;
const HEADING = /^\s{0,3}(?:#{1,6}\s|\*\*[^*].*\*\*\s*:?\s*$|__[^_].*__\s*:?\s*$)/;
const BLOCK_LINE = /^\s*(?:\||[-*+]\s|\d+[.)]\s)/;

/** The names the Edge runtime injects for each legacy name it still injects (SPEC §1): JSON objects, entry `default`. */
const EDGE_SUCCESSORS: Readonly<Record<string, string>> = {
  SUPABASE_ANON_KEY: 'SUPABASE_PUBLISHABLE_KEYS',
  SUPABASE_SERVICE_ROLE_KEY: 'SUPABASE_SECRET_KEYS',
};

/** Whether a file records history rather than instructions: every name in it is left as it is. */
export function isHistoryFile(path: string, kind: string): boolean {
  if (kind === 'env') return false;
  if (AGENT_OUTPUT.test(path) || CLAUDE_OUTPUT.test(path)) return true;
  // Applied migrations are dated history of their own: legacy-env-name reports them with the advice of a new migration.
  if (kind !== 'markdown' || /(?:^|\/)supabase\/migrations\//.test(path)) return false;
  const basename = path.slice(path.lastIndexOf('/') + 1);
  return HISTORY_NAME.test(basename) || HISTORY_DIR.test(path) || DATED.test(basename);
}

/**
 * Whether a site is a mention ABOUT the migration, which renaming would turn into nonsense: in a history file, or on a
 * line that names the legacy name with its new name (prose and comments), searches for it, or asserts it is absent.
 * Env files are never mentions: their keys are read.
 */
export function isMigrationMention(file: MentionFile, occurrence: Occurrence, history = isHistoryFile(file.path, file.kind)): boolean {
  if (file.kind === 'env') return false;
  if (history) return true;
  const { decision } = occurrence;
  const { line, column } = lineAt(file.text, occurrence.start);
  const code = occurrence.context !== 'text' && occurrence.context !== 'markup';
  // In code a read or a declaration is the variable itself; only strings, comments and text there can be about it.
  const aside = !occurrence.runtimeRead && !occurrence.read && occurrence.context !== 'identifier' && occurrence.context !== 'env-key';
  if (ABSENCE.test(line)) return true;
  if (code && !aside) return false;
  if (searchedFor(line, column, column + decision.name.length)) return true;
  if (occurrence.context === 'string' && (PATTERN_CALL.test(line) || inRegexLiteral(line, decision.name))) return true;
  const prose = file.kind === 'markdown' || occurrence.context === 'comment' || occurrence.context === 'jsx-text';
  return prose && namesSuccessor(line, decision);
}

/** The line's new name, or the Edge runtime's name for it, stands on the line too (a mapping row, "replaced X with Y"). */
function namesSuccessor(line: string, decision: NameDecision): boolean {
  if (decision.kind !== 'rename') return false;
  const successors = [decision.newName, EDGE_SUCCESSORS[decision.name]].filter((name): name is string => name !== undefined);
  return successors.some((name) => new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(line));
}

/**
 * The name is an argument of a search command on the line (`grep -rn NAME src`), not a variable the line sets or a key it
 * extracts from an env file (`NAME ?= $(shell grep ^NAME= .env.local | cut -d= -f2-)`).
 */
function searchedFor(line: string, start: number, end: number): boolean {
  const search = SEARCH.exec(line);
  if (!search || search.index > start) return false;
  return !/^\s*[=:]/.test(line.slice(end)) && !/\^\s*$/.test(line.slice(0, start));
}

/** `/…NAME…/flags` on the line: a regex literal that searches for the name. */
function inRegexLiteral(line: string, name: string): boolean {
  const body = String.raw`(?:[^/\\\n]|\\.)*`;
  return new RegExp(String.raw`(?:^|[=(,:;!&|?\s[])/(?![*/])${body}${name}${body}/[dgimsuvy]*`).test(line);
}

/** In docs about Edge Functions, what a legacy name the runtime injects becomes; `read` when the line reads it (`env.get('X')`). */
export interface EdgeTextName {
  newName: string;
  read: boolean;
}

/**
 * A legacy name the Edge runtime injects itself (`SUPABASE_ANON_KEY`, `SUPABASE_SERVICE_ROLE_KEY`), in docs about Edge
 * Functions: a Markdown file under supabase/functions/, or a line whose paragraph, table caption or section heading names
 * Edge Functions, `Deno.env`, function secrets or `supabase secrets set`. There the runtime injects no
 * `SUPABASE_SECRET_KEY` but `SUPABASE_SECRET_KEYS` (JSON, entry `default`), and `supabase secrets set` refuses `SUPABASE_` names.
 */
export function edgeTextName(file: MentionFile, occurrence: Occurrence): EdgeTextName | undefined {
  const { decision } = occurrence;
  if (file.kind !== 'markdown' || decision.kind !== 'rename') return undefined;
  const newName = EDGE_SUCCESSORS[decision.name];
  // A --map entry for the name wins.
  if (!newName || decision.newName !== newName.slice(0, -1)) return undefined;
  if (!/(?:^|\/)supabase\/functions\//.test(file.path) && !EDGE_TEXT.test(surroundings(file.text, occurrence.start))) return undefined;
  const read = /\.get\(\s*['"`]$/.test(file.text.slice(Math.max(0, occurrence.start - 20), occurrence.start));
  return { newName, read };
}

// What a line-level test reads around an occurrence: a minified line of megabytes holds thousands of names, and reading
// it whole for each would be quadratic; a search, a pair or an assertion about a name sits well within this distance.
const LINE_WINDOW = 1000;

/** The line that holds an offset (at most LINE_WINDOW characters each side of it), and the offset's column in it. */
function lineAt(text: string, offset: number): { line: string; column: number } {
  const from = Math.max(0, offset - LINE_WINDOW);
  const before = text.slice(from, offset).lastIndexOf('\n');
  const start = before < 0 ? from : from + before + 1;
  const after = text.slice(offset, offset + LINE_WINDOW);
  const newline = after.indexOf('\n');
  const end = offset + (newline < 0 ? after.length : newline);
  return { line: text.slice(start, end), column: offset - start };
}

/**
 * The text that says what a line is about: its paragraph — of a table, its header and the row; of a list, the item with
 * its sub-items and the items it is nested in (one item about Edge Functions says nothing of the next: issue 23's real
 * repositories) — with the lines that lead into the table or list, the paragraph just above it (its caption), and the
 * nearest heading above.
 */
function surroundings(text: string, offset: number): string {
  const { lines, starts } = linesOf(text);
  let index = lineIndex(starts, offset);
  const blank = (i: number) => (lines[i] ?? '').trim() === '';
  let first = index;
  while (first > 0 && !blank(first - 1)) first--;
  let last = index;
  while (last < lines.length - 1 && !blank(last + 1)) last++;
  const block = BLOCK_LINE.test(lines[index] ?? '');
  const parts = block ? blockScope(lines, first, last, index) : lines.slice(first, last + 1);
  // The caption: the paragraph above the table or list, unless it is another table or list.
  let above = first - 1;
  while (above >= 0 && blank(above)) above--;
  if (block && above >= 0 && !BLOCK_LINE.test(lines[above] ?? '') && indentOf(lines[above] ?? '') === 0) {
    let start = above;
    while (start > 0 && !blank(start - 1)) start--;
    parts.push(...lines.slice(start, above + 1));
  }
  for (index = first - 1; index >= 0; index--) {
    if (HEADING.test(lines[index] ?? '')) {
      parts.push(lines[index] as string);
      break;
    }
  }
  return parts.join('\n');
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** Of a table or list paragraph (lines first…last), what speaks for the line at `index` (surroundings). */
function blockScope(lines: readonly string[], first: number, last: number, index: number): string[] {
  const line = lines[index] as string;
  let lead = first;
  while (lead <= last && !BLOCK_LINE.test(lines[lead] ?? '')) lead++;
  const scope = lines.slice(first, lead);
  if (line.trimStart().startsWith('|')) return [...scope, lines[lead] as string, line];
  // The item, then its sub-items and continuation lines: everything below it indented further.
  const indent = indentOf(line);
  let end = index + 1;
  while (end <= last && indentOf(lines[end] as string) > indent) end++;
  // The items it is nested in: each list line above it indented less than the last one kept.
  const parents: string[] = [];
  for (let i = index - 1, below = indent; i >= lead && below > 0; i--) {
    const above = lines[i] as string;
    if (BLOCK_LINE.test(above) && indentOf(above) < below) {
      parents.unshift(above);
      below = indentOf(above);
    }
  }
  return [...scope, ...parents, ...lines.slice(index, end)];
}

// The lines of the last text asked about, and where each starts: a Markdown file with many names asks once per name.
let cached: { text: string; lines: string[]; starts: number[] } | undefined;

function linesOf(text: string): { lines: string[]; starts: number[] } {
  if (cached?.text !== text) cached = { text, lines: text.split('\n'), starts: lineStarts(text) };
  return cached;
}

/** The index of the line that holds `offset`. */
function lineIndex(starts: readonly number[], offset: number): number {
  return positionAt(starts, offset, false).line - 1;
}
