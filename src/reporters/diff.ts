// Unified diffs of the planned changes, with every key value masked.
import { createRequire } from 'node:module';
import type * as Diff from 'diff';
import type { Colors } from '../colors.js';
import { maskCodeLine, maskEnvLine } from '../keys.js';
import type { FileChange } from '../plan.js';

export function unifiedDiff(changes: readonly FileChange[], colors: Colors): string {
  return changes.map((change) => fileDiff(change, colors)).join('');
}

// `diff` takes longer to load than a small run takes: required only when a diff is printed.
const require = createRequire(import.meta.url);
let diffModule: typeof Diff | undefined;

function fileDiff(change: FileChange, colors: Colors): string {
  const { createTwoFilesPatch } = (diffModule ??= require('diff') as typeof Diff);
  // .env files, and the shell snippets of Markdown, hold NAME=value lines; code holds literals.
  const mask = change.kind === 'env' || change.kind === 'markdown' ? maskEnvLine : maskCodeLine;
  const patch = createTwoFilesPatch(`a/${change.path}`, `b/${change.path}`, change.before, change.after, undefined, undefined, {
    context: 3,
  });
  const lines = patch.split('\n');
  const out: string[] = [];
  for (const raw of lines) {
    // Display only: a BOM or a CR is not something a reader can see in a terminal.
    const line = raw.replace(/\r$/, '').replace(/\uFEFF/g, '');
    if (line.startsWith('====') || line === '') continue;
    if (line.startsWith('--- ') || line.startsWith('+++ ')) out.push(colors.bold(line.replace(/\t$/, '')));
    else if (line.startsWith('@@')) out.push(colors.cyan(line));
    else if (line.startsWith('+')) out.push(colors.green('+' + mask(line.slice(1))));
    else if (line.startsWith('-')) out.push(colors.red('-' + mask(line.slice(1))));
    else if (line.startsWith(' ')) out.push(' ' + mask(line.slice(1)));
    else out.push(line);
  }
  return out.join('\n') + '\n';
}
