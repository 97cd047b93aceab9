// The JSON reporter: SPEC §6, schemaVersion 1.
import { maskSecrets } from '../keys/mask.js';
import { countRemaining, reportedChanges, type Mode, type RunResult } from '../core/result.js';

/** A run stopped before the analysis (an unmatched path, a refused --write): what it was to do, and why it stopped. */
interface StoppedRun {
  mode: Mode;
  version: string;
  displayRoot: string;
  failure: string;
}

/** A failed run has `error`; one stopped before the analysis has nothing else to show, so no summary that could look clean. */
export function json(result: RunResult | StoppedRun): string {
  const head = {
    schemaVersion: 1,
    tool: { name: 'migrate-keys', version: result.version },
    mode: result.mode,
    root: result.displayRoot,
    ...(result.failure === undefined ? {} : { error: maskSecrets(result.failure) }),
  };
  if (!('plan' in result)) return JSON.stringify(head, null, 2) + '\n';
  const changes = reportedChanges(result);
  const counts = countRemaining(result.findings);
  const document = {
    ...head,
    phase: result.phase,
    summary: {
      filesScanned: result.plan.filesScanned,
      filesChanged: changes.length,
      edits: changes.reduce((sum, change) => sum + change.edits, 0),
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
      fallbacks: result.fallbacks,
    },
    changes: changes.map((change) => ({ file: change.path, edits: change.edits })),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      message: maskSecrets(f.message),
      fixable: f.fixable,
      fixed: f.fixed,
      ...(f.related && { related: f.related.map(({ file, line, column }) => ({ file, line, column })) }),
    })),
    outside: result.outside.map((o) => ({ ...o, action: maskSecrets(o.action) })),
    // SPEC §6 keeps a step to step, title, status and detail: the errors to watch join the detail.
    checklist: result.checklist.map(({ step, title, status, detail, watch }) => ({
      step,
      title,
      status,
      detail: watch ? `${detail} ${watch.join('; ')}.` : detail,
    })),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
