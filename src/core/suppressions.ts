// Inline suppressions: which `migrate-keys-ignore` comment (file-kinds/directives.ts) silences a finding.
import type { Directive } from '../file-kinds/directives.js';
import type { RuleId } from '../rules/ids.js';

/** The directive that silences a finding of `ruleId` on `line`, if any. */
export function suppressing(directives: readonly Directive[], ruleId: RuleId, line: number): Directive | undefined {
  return directives.find((d) => (d.line === line || d.line === line - 1) && (d.rules.length === 0 || d.rules.includes(ruleId)));
}
