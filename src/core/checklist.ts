// The ADR's six migration steps with a status each, derived from what a run found (SPEC §6, §8).
import type { KeyValueCounts } from './plan.js';
import { ruleById } from '../rules/index.js';
import type { Finding } from '../rules/rule.js';
import type { SuppliedKeys } from '../keys/supplied.js';

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
  /** Places outside the repository that still name a key (SPEC §6 `outside`). */
  outside: number;
}

/** The error strings that show a client still sending a key the wrong way after the switch. */
const MONITOR_ERRORS = [
  '`Invalid JWT` / `UNAUTHORIZED_INVALID_JWT_FORMAT` (Edge Functions with verify_jwt on, or a key sent as Bearer)',
  '`PGRST301` (PostgREST given a non-JWT Bearer token)',
  '`Invalid Compact JWS` (Storage given a non-JWT Bearer token)',
  'HTTP 401 on requests with the secret key from a browser',
];

export function checklist(input: ChecklistInput): ChecklistStep[] {
  const remaining = input.findings.filter((finding) => !finding.fixed);
  const count = (flag: 'legacyUse' | 'blocksRotation') => remaining.filter((f) => f[flag] ?? ruleById(f.ruleId)?.meta[flag]).length;
  const legacyUse = count('legacyUse');
  const rotationBlockers = count('blocksRotation');
  const newKeys = input.keyValues.publishable + input.keyValues.secret > 0 || Object.keys(input.supplied).length > 0;
  // Places outside the repository are never seen done: step 2 stays to confirm while they exist.
  const repoDone = legacyUse === 0;
  const envDone = repoDone && input.outside === 0;

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
      detail:
        (repoDone ? 'No legacy name or legacy key value is left in the repository' : `${plural(legacyUse, 'place')} in the repository still use the legacy keys`) +
        (input.outside > 0 ? `; confirm the ${plural(input.outside, 'place')} outside it (CI secrets, hosting) hold the new keys.` : '.'),
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
      status: legacyUse === 0 ? 'todo' : 'blocked',
      detail:
        legacyUse === 0
          ? '`migrate-keys --check` finds no legacy use: deactivate the legacy keys with `migrate-keys legacy-keys --disable` (it checks again first; `--enable` rolls back).'
          : `Not yet: ${plural(legacyUse, 'finding')} still show legacy use; \`migrate-keys --check\` must pass first (\`migrate-keys legacy-keys --disable\` refuses until then).`,
    },
    {
      step: 6,
      title: 'Rotate the legacy JWT secret',
      status: rotationBlockers === 0 && legacyUse === 0 ? 'todo' : 'blocked',
      detail:
        rotationBlockers === 0 && legacyUse === 0
          ? 'Nothing found relies on the legacy JWT secret or a legacy JWT: rotate it once the legacy keys are off.'
          : `Not yet: ${plural(rotationBlockers, 'legacy JWT or JWT-secret use')} and ${plural(legacyUse, 'legacy use')} remain.`,
    },
  ];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
