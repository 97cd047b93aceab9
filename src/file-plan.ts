// The plan for one file: run every rule over its scan and splice the safe fixes into a new text.
import { findCollisions } from './collisions.js';
import type { NameMap } from './keys.js';
import { RULES } from './rules/index.js';
import type { Edit, Finding, RuleContext, SuppliedKeys } from './rules/rule.js';
import { scanFile, type ScanInput, type ScannedFile } from './scan.js';
import { applyEdits, orderedEdits } from './splice.js';

export interface FilePlan {
  findings: Finding[];
  edits: Edit[];
  /** The text with every fix applied; equal to the input when nothing changes. */
  after: string;
}

export function planScanned(scanned: ScannedFile, context: RuleContext): FilePlan {
  const findings: Finding[] = [];
  const fixes: Edit[] = [];
  for (const rule of RULES) {
    for (const report of rule.check(scanned, context)) {
      const { line, column } = scanned.locate(report.offset);
      const fixable = report.fix !== undefined && rule.meta.fix === 'safe';
      if (fixable) fixes.push(...(report.fix as Edit[]));
      findings.push({
        ruleId: rule.meta.id,
        severity: rule.meta.severity,
        file: scanned.path,
        line,
        column,
        message: report.message,
        fixable,
        fixed: false,
        ...(report.rename && { rename: report.rename }),
      });
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  const edits = orderedEdits(fixes);
  return { findings, edits, after: edits.length > 0 ? applyEdits(scanned.text, edits) : scanned.text };
}

export interface PlanFileOptions {
  supplied?: SuppliedKeys;
  transitional?: boolean;
}

/** One file on its own (the jscodeshift transform, tests): collisions are judged within the file. */
export function planFile(input: ScanInput, pattern: RegExp, map: NameMap, options: PlanFileOptions = {}): FilePlan {
  const scanned = scanFile(input, pattern, map);
  return planScanned(scanned, {
    blocked: findCollisions([scanned], map),
    supplied: options.supplied ?? {},
    transitional: options.transitional ?? false,
  });
}
