// The outcome of one run, as reporters and the exit code read it.
import type { ApplyResult } from './apply.js';
import type { ChecklistStep } from './checklist.js';
import type { Plan } from './plan.js';
import type { Finding } from '../rules/rule.js';
import type { OutsideReference } from '../outside/reference.js';

export type Mode = 'preview' | 'write' | 'check';

export interface RunResult {
  mode: Mode;
  version: string;
  /** The root as shown to the user: relative to the working directory, `.` when it is the same. */
  displayRoot: string;
  plan: Plan;
  /** Findings with `fixed` set for what `--write` applied. */
  findings: Finding[];
  applied?: ApplyResult;
  /** Places beyond the repository that hold a key and must be updated by hand (SPEC §6). */
  outside: OutsideReference[];
  checklist: ChecklistStep[];
  /** SPEC §4: `transitional` under --transitional (or the config's `"transitional": true`), else `final`. */
  phase: 'transitional' | 'final';
  /** What the transition keeps beside the new and the run leaves (Finding.fallback): info in the phase, errors in the final run. */
  fallbacks: number;
  durationMs: number;
  /**
   * Why the run failed (exit 2), in one line: files that could not be read or parsed (the others were processed),
   * files --write could not write, a refused --write. Reporters show it instead of a clean-looking summary.
   */
  failure?: string;
  /**
   * --write that wrote files: the findings of a re-check of the written tree (what remains, named as the tree holds it now),
   * which the terminal lists and the exit code follows. Undefined otherwise: `findings` with `fixed` is what remains.
   */
  remaining?: Finding[];
}


export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts what remains: findings a run fixed no longer count. */
export function countRemaining(findings: readonly Finding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.fixed) continue;
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** The changes the run made (`--write`) or would make (preview, `--check`). */
export function reportedChanges(result: RunResult): { path: string; edits: number }[] {
  const changes = result.plan.changes;
  if (result.mode !== 'write') return changes.map(({ path, edits }) => ({ path, edits }));
  const written = new Set(result.applied?.written ?? []);
  return changes.filter((change) => written.has(change.path)).map(({ path, edits }) => ({ path, edits }));
}

export function withFixed(findings: readonly Finding[], written: readonly string[]): Finding[] {
  const files = new Set(written);
  return findings.map((finding) => (finding.fixable && files.has(finding.file) ? { ...finding, fixed: true } : finding));
}

/**
 * SPEC §5: 2 for a usage, config, read, parse or write failure or a refused dirty tree; 1 when
 * error-severity findings remain or warnings exceed --max-warnings; 0 otherwise. The highest wins.
 */
export function exitCode(result: RunResult, maxWarnings: number | undefined): 0 | 1 | 2 {
  const accepted = new Set(result.plan.accepted);
  const failed =
    result.failure !== undefined ||
    result.plan.discovery.unmatched.length > 0 ||
    result.plan.failed.some((path) => !accepted.has(path)) ||
    (result.applied !== undefined &&
      (result.applied.failures.length > 0 || result.applied.refusedDirty.length > 0 || result.applied.interrupted !== undefined));
  if (failed) return 2;
  const counts = countRemaining(result.remaining ?? result.findings);
  if (counts.errors > 0) return 1;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) return 1;
  return 0;
}
