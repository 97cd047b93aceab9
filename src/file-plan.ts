// The plan for one file: scan it, run every rule, and splice the safe fixes into a new text.
import type { NameMap } from './keys.js';
import { RULES } from './rules/index.js';
import type { Edit, Finding } from './rules/rule.js';
import { scanFile, type ScanInput } from './scan.js';
import { applyEdits, orderedEdits } from './splice.js';

export interface FilePlan {
  findings: Finding[];
  edits: Edit[];
  /** The text with every fix applied; equal to the input when nothing changes. */
  after: string;
}

export function planFile(input: ScanInput, pattern: RegExp, map: NameMap): FilePlan {
  const scanned = scanFile(input, pattern, map);
  const findings: Finding[] = [];
  const fixes: Edit[] = [];
  for (const rule of RULES) {
    for (const report of rule.check(scanned)) {
      const { line, column } = scanned.locate(report.offset);
      const fixable = report.fix !== undefined && rule.meta.fix === 'safe';
      if (fixable) fixes.push(...(report.fix as Edit[]));
      findings.push({
        ruleId: rule.meta.id,
        severity: rule.meta.severity,
        file: input.path,
        line,
        column,
        message: report.message,
        fixable,
        fixed: false,
      });
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  const edits = orderedEdits(fixes);
  return { findings, edits, after: edits.length > 0 ? applyEdits(input.text, edits) : input.text };
}
