// The default reporter: the diff in preview, the files --write wrote, findings grouped by file, and a summary line that counts what is shown.
import type { Colors } from './colors.js';
import { maskSecrets } from '../keys/mask.js';
import { printable } from '../core/printable.js';
import { countRemaining, reportedChanges, type RunResult } from '../core/result.js';
import type { Finding } from '../rules/rule.js';
import { unifiedDiff } from './diff.js';
import { outsideBlock, outsideStepsLeft } from './outside.js';
import { timeLines } from './sections.js';
import { plural } from '../core/words.js';

export interface StylishOptions {
  colors: Colors;
  /** Errors only, and no diff. */
  quiet: boolean;
}

export function stylish(result: RunResult, options: StylishOptions): string {
  const { colors: c, quiet } = options;
  const parts: string[] = [];
  const diff = result.mode === 'preview' && !quiet && result.plan.changes.length > 0 ? unifiedDiff(result.plan.changes, c) : '';
  parts.push(diff);
  if (result.mode === 'write') parts.push(writtenBlock(result.applied?.written ?? []));

  // Preview shows fixable findings as the diff above; --check lists what remains; --write what its re-check of the written tree found.
  const listed = result.mode === 'write' ? (result.remaining ?? result.findings) : result.findings;
  const shown = listed.filter(
    (f) => !f.fixed && !(result.mode === 'preview' && f.fixable) && !(quiet && f.severity !== 'error'),
  );
  parts.push(...groupByFile(shown).map(([file, findings]) => formatFile(file, findings, c)));
  parts.push(outsideBlock(result.outside, c));
  parts.push(summary(result, { shown, hunks: hunksIn(diff) }, c));
  return parts.filter((part) => part !== '').join('\n');
}

/** The files --write wrote, one a line; past WRITTEN_LISTED, their count. */
const WRITTEN_LISTED = 20;

function writtenBlock(written: readonly string[]): string {
  if (written.length === 0) return '';
  if (written.length > WRITTEN_LISTED) return `Wrote ${plural(written.length, 'file')} (git status lists them).\n`;
  const sorted = [...written].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `Wrote ${plural(written.length, 'file')}:\n${sorted.map((path) => `  ${printable(path)}\n`).join('')}`;
}

/** The hunks of a printed diff (their headers may be coloured). */
function hunksIn(diff: string): number {
  // eslint-disable-next-line no-control-regex
  return diff.split('\n').filter((line) => /^(?:\x1b\[[0-9;]*m)*@@ /.test(line)).length;
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

interface Shown {
  /** The findings rows printed. */
  shown: readonly Finding[];
  /** The hunks of the diff printed (preview). */
  hunks: number;
}

/**
 * The first line counts what the screen shows, as ESLint's does: in preview, the fixable findings (the diff's hunks)
 * apart from the rows that need a person; in --check and --write, the rows listed; then the steps outside the repository.
 */
function summary(result: RunResult, { shown, hunks }: Shown, c: Colors): string {
  const counts = countRemaining(shown);
  const problems = counts.errors + counts.warnings + counts.infos;
  const lines: string[] = [];
  const fixable = result.mode === 'preview' ? result.findings.filter((f) => !f.fixed && f.fixable).length : 0;
  const severities = `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`;
  const stepsLeft = outsideStepsLeft(result.outside);
  const outside = stepsLeft === 0 ? '' : ` · ${plural(stepsLeft, 'step')} outside the repo`;
  let tally: string;
  if (result.mode === 'preview') {
    const files = result.plan.changes.length;
    const fixes = hunks > 0 ? `${fixable} fixable by \`--write\` (the diff above: ${plural(hunks, 'hunk')} in ${plural(files, 'file')})` : `${fixable} fixable by \`--write\``;
    const named = [counts.errors && plural(counts.errors, 'error'), counts.warnings && plural(counts.warnings, 'warning'), counts.infos && plural(counts.infos, 'info')].filter(Boolean);
    const needYou = `${problems} need${problems === 1 ? 's' : ''} you${problems === 0 ? '' : ` (${named.join(', ')})`}`;
    tally = [fixable > 0 && fixes, (problems > 0 || fixable === 0) && needYou].filter(Boolean).join(' · ');
  } else {
    tally = `${plural(problems, 'problem')} (${severities})`;
  }
  const clean = problems === 0 && fixable === 0;
  // The colour follows the exit code: red while errors remain, shown in the diff or listed.
  const errorsLeft = countRemaining(result.mode === 'write' ? (result.remaining ?? result.findings) : result.findings).errors > 0;
  lines.push(
    result.failure !== undefined
      ? c.red(`✖ ${printable(maskSecrets(result.failure))}${clean ? '' : ` · ${tally}`}${outside}`)
      : clean
        ? c.green('✔ no problems') + outside
        : (errorsLeft ? c.red : c.yellow)(`✖ ${tally}${outside}`),
  );

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
  // SPEC §4: the phase, said where the check is read, so a green transitional check does not look like the end.
  if (result.phase === 'transitional' && result.fallbacks > 0) {
    lines.push(`  transitional: ${plural(result.fallbacks, 'fallback')} remain — remove them after step 5 (deactivating the legacy keys) with \`migrate-keys --write\``);
  }

  if (result.mode === 'preview' && result.plan.changes.length > 0) lines.push(`  Apply the fixes with ${c.bold('migrate-keys --write')}.`);
  if (result.mode === 'write' && changes.length > 0) lines.push(`  Backups are in .migrate-keys/; ${c.bold('migrate-keys undo')} restores them.`);
  // --check, while the disable step waits (legacy use remains): the deadline and what else holds the keys.
  const waiting = result.checklist.some((step) => step.step === 5 && step.status === 'blocked');
  if (result.mode === 'check' && waiting) lines.push(...timeLines(result).map((line) => `  ${line}`));
  if (result.mode === 'write' && result.failure === undefined) lines.push(c.bold(nextLine(result, counts.errors, stepsLeft)));
  return lines.join('\n') + '\n';
}

/** After --write, one line: the errors left to fix by hand, the first step outside the repository, then deploy and --check. */
function nextLine(result: RunResult, errors: number, stepsLeft: number): string {
  const steps: string[] = [];
  if (errors > 0) steps.push(`fix the ${plural(errors, 'error')} above`);
  const first = result.outside.find((reference) => !reference.done);
  if (first !== undefined) {
    const others = stepsLeft - 1;
    steps.push(`${outsideStep(first)}${others > 0 ? ` (and the ${plural(others, 'other step')} outside the repo above)` : ''}`);
  }
  steps.push('deploy, then run `migrate-keys --check`');
  return `Next: ${printable(maskSecrets(steps.join(', ')))}`;
}

/** A step outside as one clause: its place and what to add or set, with its command; what to delete after the deploy waits. */
function outsideStep({ action, command }: RunResult['outside'][number]): string {
  const suffix = command === undefined ? '' : `: \`${command}\``;
  const bare = suffix !== '' && action.endsWith(suffix) ? action.slice(0, -suffix.length) : action;
  const clause = bare.split('; ')[0] as string;
  return command === undefined ? clause : `${clause} (\`${command}\`)`;
}
