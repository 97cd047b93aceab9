// The default reporter: the diff in preview, findings grouped by file, and a summary line.
import type { Colors } from './colors.js';
import { maskSecrets } from '../keys/mask.js';
import { printable } from '../core/printable.js';
import { countRemaining, reportedChanges, type RunResult } from '../core/result.js';
import type { Finding } from '../rules/rule.js';
import { unifiedDiff } from './diff.js';
import { outsideBlock } from './outside.js';
import { timeLines } from './sections.js';

export interface StylishOptions {
  colors: Colors;
  /** Errors only, and no diff. */
  quiet: boolean;
}

export function stylish(result: RunResult, options: StylishOptions): string {
  const { colors: c, quiet } = options;
  const parts: string[] = [];
  if (result.mode === 'preview' && !quiet && result.plan.changes.length > 0) parts.push(unifiedDiff(result.plan.changes, c));

  // Preview shows fixable findings as the diff above; --check and --write list what remains.
  const shown = result.findings.filter(
    (f) => !f.fixed && !(result.mode === 'preview' && f.fixable) && !(quiet && f.severity !== 'error'),
  );
  parts.push(...groupByFile(shown).map(([file, findings]) => formatFile(file, findings, c)));
  parts.push(outsideBlock(result.outside, c));
  parts.push(summary(result, c));
  return parts.filter((part) => part !== '').join('\n');
}

function groupByFile(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file) ?? [];
    group.push(finding);
    groups.set(finding.file, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function formatFile(file: string, findings: readonly Finding[], c: Colors): string {
  const rows = findings.map((f) => {
    const where = c.dim(`${f.line}:${f.column}`.padEnd(8));
    const severity = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
    return `  ${where} ${severity}  ${printable(maskSecrets(f.message))}  ${c.dim(f.ruleId)}`;
  });
  return `${c.underline(printable(file))}\n${rows.join('\n')}\n`;
}

function summary(result: RunResult, c: Colors): string {
  const counts = countRemaining(result.findings);
  const problems = counts.errors + counts.warnings + counts.infos;
  const lines: string[] = [];
  const tally = `${plural(problems, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')})`;
  lines.push(result.failure !== undefined ? c.red(`✖ ${printable(maskSecrets(result.failure))}${problems === 0 ? '' : ` · ${tally}`}`) : problems === 0 ? c.green('✔ no problems') : (counts.errors > 0 ? c.red : c.yellow)(`✖ ${tally}`));

  const changes = reportedChanges(result);
  const edits = changes.reduce((sum, change) => sum + change.edits, 0);
  const verb = result.mode === 'write' ? 'changed' : 'to change';
  const facts = [
    `${plural(result.plan.filesScanned, 'file')} scanned`,
    `${plural(changes.length, 'file')} ${verb} (${plural(edits, 'edit')})`,
  ];
  const { ignored, symlink, binary, large, encoding } = result.plan.skipped;
  const skipped = [
    ignored && `${ignored} by migrate-keys-ignore-file`,
    symlink && `${symlink} symlink${symlink === 1 ? '' : 's'}`,
    binary && `${binary} binary`,
    large && `${large} too large`,
    encoding && `${encoding} not UTF-8`,
  ].filter(Boolean);
  if (skipped.length > 0) facts.push(`skipped: ${skipped.join(', ')}`);
  if (result.plan.suppressed.length > 0) facts.push(`${result.plan.suppressed.length} suppressed`);
  facts.push(`${(result.durationMs / 1000).toFixed(2)}s`);
  lines.push(c.dim(`  ${facts.join(' · ')}`));

  if (result.mode === 'preview' && result.plan.changes.length > 0) lines.push(`  Apply the fixes with ${c.bold('migrate-keys --write')}.`);
  if (result.mode === 'write' && changes.length > 0) lines.push(`  Backups are in .migrate-keys/; ${c.bold('migrate-keys undo')} restores them.`);
  // --check, while the disable step waits (legacy use remains): the deadline and what else holds the keys.
  const waiting = result.checklist.some((step) => step.step === 5 && step.status === 'blocked');
  if (result.mode === 'check' && waiting) lines.push(...timeLines(result).map((line) => `  ${line}`));
  return lines.join('\n') + '\n';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
