// The JSON reporter: SPEC §6, schemaVersion 1.
import { maskSecrets } from '../keys/mask.js';
import { countRemaining, reportedChanges, type RunResult } from '../core/result.js';

export function json(result: RunResult): string {
  const changes = reportedChanges(result);
  const counts = countRemaining(result.findings);
  const document = {
    schemaVersion: 1,
    tool: { name: 'migrate-keys', version: result.version },
    mode: result.mode,
    root: result.displayRoot,
    summary: {
      filesScanned: result.plan.filesScanned,
      filesChanged: changes.length,
      edits: changes.reduce((sum, change) => sum + change.edits, 0),
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
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
