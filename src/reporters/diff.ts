// Unified diffs of the planned changes: every secret masked, every control character escaped.
import { createRequire } from 'node:module';
import type * as Diff from 'diff';
import type { Colors } from './colors.js';
import { printable } from '../core/printable.js';
import { maskSecrets, secretFragments } from '../keys/mask.js';
import type { FileChange } from '../core/plan.js';

export function unifiedDiff(changes: readonly FileChange[], colors: Colors): string {
  return changes.map((change) => fileDiff(change, colors)).join('');
}

// `diff` takes longer to load than a small run takes: required only when a diff is printed.
const require = createRequire(import.meta.url);
let diffModule: typeof Diff | undefined;

const CONTEXT = 3;
/**
 * jsdiff's line diff is quadratic in the lines changed (5,000 renamed lines of one file took 7.5 s,
 * 20,000 five minutes): past this many edits it gives up, and so does the diff shown.
 */
const MAX_EDIT_LENGTH = 4000;

function fileDiff(change: FileChange, colors: Colors): string {
  const { createTwoFilesPatch } = (diffModule ??= require('diff') as typeof Diff);
  // Pieces of a key split over string concatenation are only known from the whole file.
  const fragments = [...new Set([...secretFragments(change.before), ...secretFragments(change.after)])];
  const shown = (text: string) => printable(maskSecrets(text, fragments));
  // A newline in a file name must not split a header line: the name is escaped before the patch is made.
  const name = printable(change.path);
  // A new file (the database migration) comes from nothing, as git shows one.
  const from = change.created ? '/dev/null' : `a/${name}`;
  const patch =
    (change.created ? undefined : pairedPatch(from, `b/${name}`, change.before, change.after)) ??
    createTwoFilesPatch(from, `b/${name}`, change.before, change.after, undefined, undefined, { context: CONTEXT, maxEditLength: MAX_EDIT_LENGTH });
  if (patch === undefined) {
    return `${colors.bold(`--- a/${name}`)}\n${colors.bold(`+++ b/${name}`)}\n  (too many lines changed to show a diff; migrate-keys --write, then git diff, shows it)\n`;
  }
  const lines = patch.split('\n');
  const out: string[] = [];
  const reasons = change.reasons ?? [];
  for (const raw of lines) {
    // Display only: a BOM or a CR is not something a reader can see in a terminal.
    const line = raw.replace(/\r$/, '').replace(/\uFEFF/g, '');
    if (line.startsWith('====') || line === '') continue;
    if (line.startsWith('--- ') || line.startsWith('+++ ')) out.push(colors.bold(shown(line.replace(/\t$/, ''))));
    else if (line.startsWith('@@')) out.push(...hunkReasons(line, reasons).map((reason) => colors.dim(`# ${shown(reason)}`)), colors.cyan(line));
    else if (line.startsWith('+')) out.push(colors.green('+' + shown(line.slice(1))));
    else if (line.startsWith('-')) out.push(colors.red('-' + shown(line.slice(1))));
    else if (line.startsWith(' ')) out.push(' ' + shown(line.slice(1)));
    else out.push(shown(line));
  }
  return out.join('\n') + '\n';
}

/** The reasons of the edits a hunk holds (those starting within its old lines), once each, in order. */
function hunkReasons(header: string, reasons: readonly { line: number; reason: string }[]): string[] {
  const match = /^@@ -(\d+)(?:,(\d+))?/.exec(header);
  if (!match || reasons.length === 0) return [];
  const from = Number(match[1]);
  const to = from + Math.max(1, match[2] === undefined ? 1 : Number(match[2])) - 1;
  return [...new Set(reasons.filter(({ line }) => from <= line && line <= to).map(({ reason }) => reason))];
}

/**
 * The unified diff of two texts with the same lines but for some replaced in place, which is what
 * a rename makes: line i of one pairs with line i of the other, so no search is needed and the
 * time is linear. Undefined when the line counts or the final newline differ (jsdiff decides then).
 */
export function pairedPatch(oldName: string, newName: string, before: string, after: string): string | undefined {
  const finalNewline = before.endsWith('\n');
  if (finalNewline !== after.endsWith('\n')) return undefined;
  const lines = (text: string) => (text === '' ? [] : (finalNewline ? text.slice(0, -1) : text).split('\n'));
  const old = lines(before);
  const now = lines(after);
  if (old.length !== now.length) return undefined;
  const count = old.length;
  const changed: number[] = [];
  for (let i = 0; i < count; i++) if (old[i] !== now[i]) changed.push(i);
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  const noNewline = (i: number) => (!finalNewline && i === count - 1 ? ['\\ No newline at end of file'] : []);
  for (let k = 0; k < changed.length; ) {
    // A hunk: changed lines less than 2 × CONTEXT unchanged lines apart, with CONTEXT lines around.
    let last = k;
    while (last + 1 < changed.length && (changed[last + 1] as number) - (changed[last] as number) - 1 <= 2 * CONTEXT) last++;
    const from = Math.max(0, (changed[k] as number) - CONTEXT);
    const to = Math.min(count, (changed[last] as number) + CONTEXT + 1);
    out.push(`@@ -${from + 1},${to - from} +${from + 1},${to - from} @@`);
    for (let i = from; i < to; ) {
      if (old[i] === now[i]) {
        out.push(` ${old[i]}`, ...noNewline(i));
        i++;
        continue;
      }
      let end = i;
      while (end < to && old[end] !== now[end]) end++;
      for (let j = i; j < end; j++) out.push(`-${old[j]}`, ...noNewline(j));
      for (let j = i; j < end; j++) out.push(`+${now[j]}`, ...noNewline(j));
      i = end;
    }
    k = last + 1;
  }
  return out.join('\n') + '\n';
}
