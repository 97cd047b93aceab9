// Every rule id, in the order of RULES (src/rules/index.ts), and nothing else: suppressions, the config and
// the scan workers know a rule id from this list without loading the rules and what they import.
export const RULE_IDS = [
  'parse-error',
  'legacy-env-name',
  'legacy-key-value',
  'edge-function-env',
  'edge-function-verify-jwt',
  'deploy-verify-jwt',
  'edge-function-no-auth-check',
  'edge-function-key-compare',
  'bearer-api-key',
  'sql-legacy-key',
  'secret-key-exposed',
  'hardcoded-key',
  'implicit-legacy-env',
  'legacy-jwt-secret',
  'signing-key-file',
  'realtime-public-24h',
  'sdk-version',
  'sdk-key-parameter',
  'tool-export-key',
  'unused-suppression',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const KNOWN: ReadonlySet<string> = new Set(RULE_IDS);

/** Whether `id` (a word of a comment, a config key, a `--rule` entry) names a rule. */
export function isRuleId(id: string): id is RuleId {
  return KNOWN.has(id);
}
