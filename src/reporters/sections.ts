// The report's content, shared by the Markdown, HTML, SARIF and GitHub reporters: what to show, in what order.
import type { StepStatus } from '../core/checklist.js';
import { countRemaining, reportedChanges, type RunResult } from '../core/result.js';
import { ruleById, RULES } from '../rules/index.js';
import type { Finding, RuleId, Severity } from '../rules/rule.js';

export const STEP_MARKERS: Readonly<Record<StepStatus, string>> = { done: '✅', todo: '⬜', blocked: '⛔' };
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export interface RenameRow {
  from: string;
  to: string;
  files: number;
  sites: number;
}

/** Every rename the run made or would make, fixed or not, with the files and sites it touches. */
export function renameRows(findings: readonly Finding[]): RenameRow[] {
  const rows = new Map<string, { from: string; to: string; files: Set<string>; sites: number }>();
  for (const { rename, file } of findings) {
    if (!rename) continue;
    const key = `${rename.from}\0${rename.to}`;
    const row = rows.get(key) ?? { ...rename, files: new Set<string>(), sites: 0 };
    row.files.add(file);
    row.sites++;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map(({ from, to, files, sites }) => ({ from, to, files: files.size, sites }))
    .sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
}

export function summaryRows(result: RunResult): [string, number][] {
  const changes = reportedChanges(result);
  const counts = countRemaining(result.findings);
  return [
    ['Files scanned', result.plan.filesScanned],
    [result.mode === 'write' ? 'Files changed' : 'Files to change', changes.length],
    ['Edits', changes.reduce((sum, change) => sum + change.edits, 0)],
    ['Errors', counts.errors],
    ['Warnings', counts.warnings],
    ['Infos', counts.infos],
  ];
}

export function modeLine(result: RunResult): string {
  if (result.mode === 'write') return 'Mode: `--write`; the safe fixes were applied.';
  if (result.mode === 'check') return 'Mode: `--check`; nothing was written.';
  return 'Mode: preview; nothing was written. `migrate-keys --write` applies the safe fixes.';
}

/** What a person has to do: not fixed, and not something `--write` fixes (after --write, what it could not). */
export function manualGroups(result: RunResult): [RuleId, Finding[]][] {
  const manual = result.findings.filter((f) => !f.fixed && !(f.fixable && result.mode !== 'write'));
  const groups = new Map<RuleId, Finding[]>();
  for (const f of sortFindings(manual)) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  const rank = (id: RuleId, first: Finding) => SEVERITY_ORDER[first.severity] * 1000 + ruleRank(id);
  return [...groups.entries()].sort(([a, fa], [b, fb]) => rank(a, fa[0] as Finding) - rank(b, fb[0] as Finding) || compare(a, b));
}

export function ruleHeading(ruleId: RuleId): string {
  const summary = ruleById(ruleId)?.meta.summary;
  return summary ? `${ruleId}: ${summary}` : ruleId;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ruleRank(id: RuleId): number {
  const index = RULES.findIndex((rule) => rule.meta.id === id);
  return index < 0 ? RULES.length : index;
}
