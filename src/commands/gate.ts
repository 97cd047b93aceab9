// The disable gate: the same analysis as `--check`, reduced to what still uses the legacy keys.
import { loadConfig, parseRuleSetting, type RuleSettings } from '../core/config.js';
import { parseNameMap } from '../keys/names.js';
import { plan } from '../core/plan.js';
import { legacyInventories } from '../core/checklist.js';
import { ruleById } from '../rules/index.js';
import type { Finding } from '../rules/rule.js';
import { isOnlyGuardFinding, onlyGuardSentence } from '../rules/edge-function-verify-jwt.js';
import { ManagementError } from '../supabase/management/errors.js';

export interface LegacyUse {
  /**
   * Remaining findings of rules whose meta says `legacyUse`, and edge-function-verify-jwt's warnings (a function whose only
   * guard is verify_jwt, which may reject every caller once the legacy keys are off: supabase/supabase#50301).
   */
  findings: Finding[];
  /** Files that could not be read or parsed: legacy use there cannot be ruled out. */
  failed: string[];
  /** Findings of legacy use silenced with `migrate-keys-ignore`: not counted, but worth a warning. */
  suppressed: number;
}

export interface GateOptions {
  root: string;
  /** `--config <file>`, as the main command reads it. */
  config?: string;
  /** `--rule id=severity` entries. */
  rules: readonly string[];
}

/** A finding's own answer first (a new-first fallback, a new key literal: not legacy use), as the checklist counts. */
const isLegacyUse = (finding: Finding) => !finding.fixed && (finding.legacyUse ?? ruleById(finding.ruleId)?.meta.legacyUse) === true;
const blocksDisable = (finding: Finding) => isLegacyUse(finding) || isOnlyGuardFinding(finding);

/** Plans the whole root with the configuration and rule severities the CLI would use, and keeps the legacy use. */
export async function legacyUse(options: GateOptions): Promise<LegacyUse> {
  let map;
  let config;
  const severities: RuleSettings = {};
  try {
    config = loadConfig(options.root, options.config);
    map = parseNameMap([], config.map);
    Object.assign(severities, config.rules);
    for (const entry of options.rules) {
      const [id = '', setting = ''] = entry.split('=');
      const [ruleId, value] = parseRuleSetting(id, setting, (message) => {
        throw new ManagementError(`--rule ${entry}: ${message}`);
      });
      severities[ruleId] = value;
    }
  } catch (error) {
    throw new ManagementError((error as Error).message);
  }
  // In the transition's terms (SPEC §4): a new-first fallback runs on the new key and goes after the switch (checklist step 5).
  const planned = await plan({ root: options.root, paths: [], ignore: config.ignore, map, severities, transitional: true });
  return {
    findings: planned.findings.filter(blocksDisable),
    failed: planned.failed,
    suppressed: planned.suppressed.filter(blocksDisable).length,
  };
}

/** `file:line rule message` lines for the refusal (and the --force warning). */
export function legacyUseLines(use: LegacyUse, limit = 50): string[] {
  const lines = use.findings.map((finding) => `  ${finding.file}:${finding.line}  ${finding.ruleId}  ${finding.message}`);
  for (const file of use.failed) lines.push(`  ${file}  could not be read or parsed, so legacy use there cannot be ruled out`);
  return lines.length > limit ? [...lines.slice(0, limit), `  … and ${lines.length - limit} more (migrate-keys --check lists them all)`] : lines;
}

/**
 * The refusal's count by inventory: the one switch deactivates anon and service_role together (Supabase changelog 29260),
 * so the anon key's users (client) and the service_role key's (server) must both be gone.
 */
export function inventoryLine(use: LegacyUse): string {
  const onlyGuard = use.findings.filter(isOnlyGuardFinding);
  const { client, server, other } = legacyInventories(use.findings.filter((finding) => !isOnlyGuardFinding(finding)));
  const places = (n: number) => `${n} place${n === 1 ? '' : 's'}`;
  const unknown = other + use.failed.length;
  return (
    `client inventory (anon key): ${places(client)}; server inventory (service_role key): ${places(server)}` +
    (unknown > 0 ? `; neither key named, or not analysed: ${places(unknown)}` : '') +
    '. One switch disables anon and service_role together: both inventories must be clean.' +
    (onlyGuard.length > 0 ? ` And ${onlyGuardSentence(onlyGuard)}.` : '')
  );
}

export function blocks(use: LegacyUse): number {
  return use.findings.length + use.failed.length;
}
