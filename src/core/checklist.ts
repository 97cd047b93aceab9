// The ADR's six migration steps with a status each, derived from what a run found (SPEC §6, §8).
import type { KeyValueCounts } from './plan.js';
import { ruleById } from '../rules/index.js';
import type { Finding } from '../rules/rule.js';
import type { SuppliedKeys } from '../keys/supplied.js';
import { REVOKE_LEGACY_JWT } from '../rules/leaks.js';
import { isOnlyGuardFinding, onlyGuardSentence } from '../rules/edge-function-verify-jwt.js';
import { plural } from './words.js';

export type StepStatus = 'done' | 'todo' | 'blocked';

export interface ChecklistStep {
  step: number;
  title: string;
  status: StepStatus;
  detail: string;
  /** Error strings to watch for (step 4). */
  watch?: string[];
}

export interface ChecklistInput {
  /** Findings as they stand after the run (`fixed` set for what --write applied). */
  findings: readonly Finding[];
  keyValues: KeyValueCounts;
  supplied: SuppliedKeys;
  /** Steps outside the repository (SPEC §6 `outside`): places that name a key, hosts, the app's environment. */
  outside: number;
  /** Of `outside`, the steps the configuration's `outsideDone` records as done. */
  outsideDone?: number;
  /**
   * Of the steps left, those that confirm a name the repository already reads (a migrated tree's new names: nothing to
   * rename there, only to make sure the place defines it). Absent: none.
   */
  outsideToConfirm?: number;
  /** In the transition phase (SPEC §4), the fallbacks it keeps: they go after step 5. Absent or 0: none, or the final phase. */
  fallbacks?: number;
}

/** The error strings that show a client still sending a key the wrong way after the switch. */
const MONITOR_ERRORS = [
  "`Invalid JWT` (an Edge Function whose verify_jwt or own check expects a JWT in Authorization)",
  '`PGRST301` (PostgREST given a non-JWT Bearer token without the same key in apikey)',
  '`Invalid Compact JWS` (Storage given a non-JWT Bearer token)',
  '`403 bad_jwt` (Auth given a non-JWT Bearer token)',
  'HTTP 401 on requests with the secret key from a browser',
];

/**
 * The two inventories the disable step waits for: one switch deactivates `anon` and `service_role` together
 * (Supabase changelog 29260; supabase/agent-skills#482), so the users of either key keep it on. `client`: places
 * that use the anon key (its name, a publishable rename, an anon JWT); `server`: the service_role key's; `other`:
 * legacy use that names neither (a JWT-secret read, a file that cannot be read).
 */
export interface LegacyInventories {
  client: number;
  server: number;
  other: number;
}

const ANON = /\banon\b|ANON_KEY|PUBLISHABLE/i;
const SERVICE_ROLE = /service_role|SERVICE_(?:ROLE_)?KEY|SECRET_KEY/i;

export function legacyInventories(findings: readonly Finding[]): LegacyInventories {
  const counts: LegacyInventories = { client: 0, server: 0, other: 0 };
  for (const finding of findings) {
    // The rename says which key a name is; otherwise the message's first key name or role does.
    const text = finding.rename ? finding.rename.from : finding.message;
    const anon = text.search(ANON);
    const service = text.search(SERVICE_ROLE);
    if (anon < 0 && service < 0) counts.other++;
    else if (service < 0 || (anon >= 0 && anon < service)) counts.client++;
    else counts.server++;
  }
  return counts;
}

/** The one switch, and the way back (Supabase changelog 29260: the legacy keys can be disabled and re-enabled). */
const ONE_SWITCH = 'One switch disables `anon` and `service_role` together';
const ROLL_BACK =
  'roll back with `migrate-keys legacy-keys --enable` (or Dashboard → Project Settings → API Keys → Legacy API keys: re-enable)';

export function checklist(input: ChecklistInput): ChecklistStep[] {
  const remaining = input.findings.filter((finding) => !finding.fixed);
  const count = (flag: 'legacyUse' | 'blocksRotation') => remaining.filter((f) => f[flag] ?? ruleById(f.ruleId)?.meta[flag]).length;
  const legacyUse = count('legacyUse');
  const inventories = legacyInventories(remaining.filter((f) => f.legacyUse ?? ruleById(f.ruleId)?.meta.legacyUse));
  // A leaked value stays leaked when --write has replaced it: every finding counts, fixed or not.
  const leaks = input.findings.filter((f) => f.message.includes(REVOKE_LEGACY_JWT));
  // Functions whose only guard is verify_jwt: it may reject every caller once the legacy keys are off, so step 5 waits for them too.
  const onlyGuard = remaining.filter(isOnlyGuardFinding);
  const rotationBlockers = count('blocksRotation');
  const newKeys = input.keyValues.publishable + input.keyValues.secret > 0 || Object.keys(input.supplied).length > 0;
  // Places outside the repository are never seen done (`--check` cannot see them): step 2 stays to do while one is not recorded done.
  const repoDone = legacyUse === 0;
  const outsideLeft = input.outside - (input.outsideDone ?? 0);
  const envDone = repoDone && outsideLeft === 0;

  return [
    {
      step: 1,
      title: 'Create the publishable and secret keys',
      status: newKeys ? 'done' : 'todo',
      detail: newKeys
        ? 'New keys (sb_publishable_… / sb_secret_…) are present or were supplied to this run.'
        : 'Dashboard → Project Settings → API Keys: create the publishable and secret keys (named `default`).',
    },
    {
      step: 2,
      title: 'Update environment variables everywhere',
      status: envDone ? 'done' : 'todo',
      detail: environmentDetail(repoDone, legacyUse, input.outside, outsideLeft, input.outsideToConfirm ?? 0),
    },
    {
      step: 3,
      title: 'Deploy',
      status: repoDone ? 'todo' : 'blocked',
      detail: repoDone ? 'Deploy the migrated code with the new variables set.' : 'Finish step 2 first.',
    },
    {
      step: 4,
      title: 'Monitor',
      status: repoDone ? 'todo' : 'blocked',
      detail: 'After deploying, watch logs and error reports for these errors from clients still sending a key the wrong way:',
      watch: MONITOR_ERRORS,
    },
    {
      step: 5,
      title: 'Deactivate the legacy keys',
      status: legacyUse === 0 && onlyGuard.length === 0 ? 'todo' : 'blocked',
      detail:
        (legacyUse === 0 && onlyGuard.length === 0
          ? `\`migrate-keys --check\` finds no legacy use: deactivate the legacy keys with \`migrate-keys legacy-keys --disable\` (it checks again first). ${ONE_SWITCH}: ${ROLL_BACK}.`
          : legacyUse === 0
            ? `Not yet: ${onlyGuardSentence(onlyGuard)}. \`migrate-keys legacy-keys --disable\` refuses until then.`
            : `Not yet: ${plural(legacyUse, 'finding')} still show legacy use (client inventory (anon key): ${plural(inventories.client, 'place')}; ` +
              `server inventory (service_role key): ${plural(inventories.server, 'place')}` +
              (inventories.other > 0 ? `; other: ${plural(inventories.other, 'place')}` : '') +
              `). ${ONE_SWITCH}, so both inventories must be clean; \`migrate-keys --check\` must pass first (\`migrate-keys legacy-keys --disable\` refuses until then).` +
              (onlyGuard.length > 0 ? ` And ${onlyGuardSentence(onlyGuard)}.` : '')) + transitionalDetail(input.fallbacks ?? 0),
    },
    {
      step: 6,
      title: 'Rotate the legacy JWT secret',
      status: rotationBlockers === 0 && legacyUse === 0 ? 'todo' : 'blocked',
      detail:
        (rotationBlockers === 0 && legacyUse === 0
          ? 'Nothing found relies on the legacy JWT secret or a legacy JWT: rotate it once the legacy keys are off.'
          : `Not yet: ${plural(rotationBlockers, 'legacy JWT or JWT-secret use')} and ${plural(legacyUse, 'legacy use')} remain.`) + leakDetail(leaks),
    },
  ];
}

/** Step 5 in the transition phase: the fallbacks wait for it, and the final run removes them. */
function transitionalDetail(fallbacks: number): string {
  if (fallbacks === 0) return '';
  return ` (transitional: ${plural(fallbacks, 'fallback')} remain — remove them after step 5, with \`migrate-keys --write\` without --transitional.)`;
}

/** Step 2: what is left in the repository, then outside it. */
function environmentDetail(repoDone: boolean, legacyUse: number, outside: number, outsideLeft: number, toConfirm: number): string {
  if (!repoDone) {
    return `${plural(legacyUse, 'place')} in the repository still use the legacy keys` +
      (outside > 0 ? `; confirm the ${plural(outside, 'place')} outside it (CI secrets, hosting) hold the new keys.` : '.');
  }
  if (outsideLeft > 0) {
    const action = toConfirm === 0 ? 'update' : toConfirm >= outsideLeft ? 'confirm' : 'update or confirm';
    return `done in the repository; ${plural(outsideLeft, 'place')} outside to ${action} (\`--check\` cannot see them: ` +
      'once done, record them in `outsideDone` of the configuration).';
  }
  if (outside > 0) return `No legacy name or legacy key value is left in the repository, and the ${plural(outside, 'place')} outside it are recorded done (\`outsideDone\`).`;
  return 'No legacy name or legacy key value is left in the repository.';
}

/** Step 6 when a legacy service_role JWT has leaked: disabling does not revoke it (src/rules/leaks.ts says what does). */
function leakDetail(leaks: readonly Finding[]): string {
  if (leaks.length === 0) return '';
  const where = leaks.slice(0, 3).map((f) => `${f.file}:${f.line}`).join(', ') + (leaks.length > 3 ? `, and ${leaks.length - 3} more` : '');
  return ` A legacy service_role JWT has leaked (${where}): disabling the legacy keys does not revoke it; ${REVOKE_LEGACY_JWT}.`;
}
