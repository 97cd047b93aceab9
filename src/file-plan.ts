// The plan for one file: run every rule over its scan and splice the safe fixes into a new text.
import { findCollisions } from './collisions.js';
import { createKeyExports } from './bearer/module-index.js';
import { buildEdgeModel } from './edge/model.js';
import { securityModelOf } from './security/model.js';
import type { NameMap } from './keys.js';
import { RULES } from './rules/index.js';
import { unusedSuppression } from './rules/unused-suppression.js';
import { suppressing } from './suppressions.js';
import type { Edit, Finding, RuleContext, SuppliedKeys } from './rules/rule.js';
import { scanFile, type ScanInput, type ScannedFile } from './scan.js';
import { applyEdits, orderedEdits } from './splice.js';

export interface FilePlan {
  findings: Finding[];
  /** Findings silenced by a `migrate-keys-ignore` comment: their fixes are not applied either. */
  suppressed: Finding[];
  edits: Edit[];
  /** The text with every fix applied; equal to the input when nothing changes. */
  after: string;
}

export function planScanned(scanned: ScannedFile, context: RuleContext): FilePlan {
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const fixes: Edit[] = [];
  for (const rule of RULES) {
    const setting = context.severities[rule.meta.id];
    if (setting === 'off') continue;
    for (const report of rule.check(scanned, context)) {
      const { line, column } = scanned.locate(report.offset);
      const directive = rule === unusedSuppression ? undefined : suppressing(scanned.directives, rule.meta.id, line);
      const fixable = report.fix !== undefined && (rule.meta.fix === 'safe' || (rule.meta.fix === 'unsafe' && context.unsafe)) && !directive;
      if (fixable) fixes.push(...(report.fix as Edit[]));
      if (directive) directive.used = true;
      (directive ? suppressed : findings).push({
        ruleId: rule.meta.id,
        severity: setting ?? report.severity ?? rule.meta.severity,
        file: scanned.path,
        line,
        column,
        message: report.message,
        fixable,
        fixed: false,
        ...(report.rename && { rename: report.rename }),
        ...(report.legacyUse !== undefined && { legacyUse: report.legacyUse }),
        ...(report.blocksRotation !== undefined && { blocksRotation: report.blocksRotation }),
      });
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  const edits = orderedEdits(fixes);
  return { findings, suppressed, edits, after: edits.length > 0 ? applyEdits(scanned.text, edits) : scanned.text };
}

export interface PlanFileOptions {
  supplied?: SuppliedKeys;
  transitional?: boolean;
  severities?: RuleContext['severities'];
  unsafe?: boolean;
}

/** One file on its own (the jscodeshift transform, tests): collisions are judged within the file. */
export function planFile(input: ScanInput, pattern: RegExp, map: NameMap, options: PlanFileOptions = {}): FilePlan {
  const scanned = scanFile(input, pattern, map);
  return planScanned(scanned, {
    blocked: findCollisions([scanned], map),
    edge: buildEdgeModel([scanned]),
    keyExports: createKeyExports([scanned]),
    security: securityModelOf([scanned]),
    unsafe: options.unsafe ?? false,
    supplied: options.supplied ?? {},
    transitional: options.transitional ?? false,
    severities: options.severities ?? {},
  });
}
