// Unified diffs of the planned changes: every secret masked, every control character escaped.
import { createRequire } from 'node:module';
import type * as Diff from 'diff';
import type { Colors } from '../colors.js';
import { printable } from '../printable.js';
import { maskSecrets, secretFragments } from '../mask.js';
import type { FileChange } from '../plan.js';

export function unifiedDiff(changes: readonly FileChange[], colors: Colors): string {
  return changes.map((change) => fileDiff(change, colors)).join('');
}

// `diff` takes longer to load than a small run takes: required only when a diff is printed.
const require = createRequire(import.meta.url);
let diffModule: typeof Diff | undefined;

function fileDiff(change: FileChange, colors: Colors): string {
  const { createTwoFilesPatch } = (diffModule ??= require('diff') as typeof Diff);
  // Pieces of a key split over string concatenation are only known from the whole file.
  const fragments = [...new Set([...secretFragments(change.before), ...secretFragments(change.after)])];
  const shown = (text: string) => printable(maskSecrets(text, fragments));
  // A newline in a file name must not split a header line: the name is escaped before the patch is made.
  const name = printable(change.path);
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, change.before, change.after, undefined, undefined, {
    context: 3,
  });
  const lines = patch.split('\n');
  const out: string[] = [];
  for (const raw of lines) {
    // Display only: a BOM or a CR is not something a reader can see in a terminal.
    const line = raw.replace(/\r$/, '').replace(/\uFEFF/g, '');
    if (line.startsWith('====') || line === '') continue;
    if (line.startsWith('--- ') || line.startsWith('+++ ')) out.push(colors.bold(shown(line.replace(/\t$/, ''))));
    else if (line.startsWith('@@')) out.push(colors.cyan(line));
    else if (line.startsWith('+')) out.push(colors.green('+' + shown(line.slice(1))));
    else if (line.startsWith('-')) out.push(colors.red('-' + shown(line.slice(1))));
    else if (line.startsWith(' ')) out.push(' ' + shown(line.slice(1)));
    else out.push(shown(line));
  }
  return out.join('\n') + '\n';
}
