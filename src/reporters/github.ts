// The GitHub Actions reporter: workflow-command annotations within GitHub's limits, and a step summary with every finding.
import { maskSecrets } from '../keys/mask.js';
import { printable } from '../core/printable.js';
import { countRemaining, type RunResult } from '../core/result.js';
import type { Finding, Severity } from '../rules/rule.js';
import { mdCell } from './markdown.js';
import { colorsFor } from './colors.js';
import { outsideBlock, outsideMarkdown } from './outside.js';
import { byUrgency, modeLine, sortFindings } from './sections.js';
import { plural } from '../core/words.js';

/** GitHub shows at most 10 annotations of each level per step (and 50 per job). */
const ANNOTATIONS_PER_LEVEL = 10;
const COMMANDS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

// The workflow-command encoding, then every other control character (ESC, C1, …) as inert text.
const escapeData = (text: string): string => printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(f: Finding): string {
  const properties = { file: f.file, line: String(f.line), col: String(f.column), title: `migrate-keys (${f.ruleId})` };
  const list = Object.entries(properties).map(([name, value]) => `${name}=${escapeProperty(maskSecrets(value))}`);
  return `::${COMMANDS[f.severity]} ${list.join(',')}::${escapeData(maskSecrets(f.message))}`;
}

function tally(result: RunResult): string {
  const { errors, warnings, infos } = countRemaining(result.findings);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
}

export function github(result: RunResult): string {
  // What needs a person first, so that the cap of each level never hides a secret-key-exposed behind renames.
  const remaining = byUrgency(
    result.findings.filter((f) => !f.fixed),
    result.mode,
  );
  const lines: string[] = [];
  const shown = new Map<Severity, number>(SEVERITIES.map((severity) => [severity, 0]));
  let omitted = 0;
  for (const f of remaining) {
    const count = shown.get(f.severity) ?? 0;
    if (count < ANNOTATIONS_PER_LEVEL) lines.push(annotation(f));
    else omitted++;
    shown.set(f.severity, count + 1);
  }
  const rest =
    omitted > 0
      ? ` ${omitted} not annotated (GitHub shows at most ${ANNOTATIONS_PER_LEVEL} of each level per step); the step summary lists all of them.`
      : '';
  // The steps outside the repository, as plain lines in the log (no annotation points at a dashboard).
  lines.push(...outsideBlock(result.outside, colorsFor(false)).split('\n').filter((line) => line !== ''));
  lines.push(`migrate-keys: ${tally(result)} remain.${rest}`);
  return lines.join('\n') + '\n';
}

/** Markdown for $GITHUB_STEP_SUMMARY: the counts and a table of every remaining finding. */
export function stepSummary(result: RunResult): string {
  const remaining = sortFindings(result.findings.filter((f) => !f.fixed));
  const bySeverity = SEVERITIES.flatMap((severity) => remaining.filter((f) => f.severity === severity));
  const out = ['### migrate-keys', '', `${tally(result)} remain in ${result.plan.filesScanned} files scanned. ${modeLine(result)}`, ''];
  if (bySeverity.length > 0) {
    out.push('| Severity | Rule | Location | Message |', '|---|---|---|---|');
    for (const f of bySeverity) out.push(`| ${f.severity} | ${mdCell(`\`${f.ruleId}\``)} | ${mdCell(`${f.file}:${f.line}`)} | ${mdCell(f.message)} |`);
    out.push('');
  }
  if (result.outside.length > 0) out.push('#### Outside the repository', '', 'Steps to do by hand (migrate-keys cannot see them):', '', ...outsideMarkdown(result.outside, mdCell), '');
  return out.join('\n');
}
