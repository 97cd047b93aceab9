// A hand-made RunResult for reporter tests: several rules, renames, fixed and open findings, awkward text and a fake key.
import { checklist } from '../../src/core/checklist.js';
import type { FileChange, Plan } from '../../src/core/plan.js';
import type { OutsideReference } from '../../src/outside/reference.js';
import type { Mode, RunResult } from '../../src/core/result.js';
import type { Finding } from '../../src/rules/rule.js';

const b64 = (value: string): string => Buffer.from(value).toString('base64url');

/** A legacy service_role JWT that was never issued by anyone: it must never appear in a report. */
export const FAKE_JWT_PARTS = [
  b64('{"alg":"HS256","typ":"JWT"}'),
  b64('{"iss":"supabase","ref":"abcdefghijklmnopqrst","role":"service_role","iat":1700000000,"exp":2000000000}'),
  b64('not-a-real-signature-for-tests-only-0123456789'),
] as const;
export const FAKE_JWT = FAKE_JWT_PARTS.join('.');
export const FAKE_SECRET_KEY = 'sb_secret_' + 'FakeSecretForTestsOnly0123456789';

/** Every character a reporter has to escape somewhere, in one message. */
const AWKWARD_MESSAGE = 'could not be parsed, so it was not changed: unexpected `<` after 100% | expected `&&` at 3:14\nthen gave up';

export function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId' | 'file' | 'line'>): Finding {
  return { severity: 'error', column: 1, message: 'a message', fixable: false, fixed: false, ...overrides };
}

const rename = (from: string, to: string) => ({
  ruleId: 'legacy-env-name' as const,
  fixable: true,
  message: `\`${from}\` is a legacy key name: rename it to \`${to}\``,
  rename: { from, to },
});
const ANON = rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY');
const SERVICE = rename('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY');

export function sampleFindings(): Finding[] {
  return [
    finding({ ...ANON, file: 'src/lib/supabase.ts', line: 4, column: 39 }),
    finding({ ...ANON, file: '.env.example', line: 2, column: 1 }),
    finding({ ...ANON, file: 'src/vite-env.d.ts', line: 3, column: 12, fixed: true }),
    finding({ ...SERVICE, file: 'scripts/seed.ts', line: 7, column: 27 }),
    finding({
      ruleId: 'legacy-env-name',
      file: 'supabase/migrations/20240101000000_init.sql',
      line: 12,
      column: 40,
      message: '`SUPABASE_SERVICE_ROLE_KEY` is a legacy key name: rename it to `SUPABASE_SECRET_KEY` in a new migration; applied migrations are history and are not edited',
    }),
    finding({
      ruleId: 'edge-function-env',
      file: 'supabase/functions/hello, world/index.ts',
      line: 9,
      column: 21,
      message:
        "Edge Functions get the new keys as JSON in `SUPABASE_SECRET_KEYS`: read `JSON.parse(Deno.env.get('SUPABASE_SECRET_KEYS') ?? '{}').default` instead of `SUPABASE_SERVICE_ROLE_KEY`",
    }),
    finding({
      ruleId: 'secret-key-exposed',
      file: '.env.local',
      line: 3,
      column: 1,
      message: `\`NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY\` holds a legacy service_role JWT under a public name (was ${FAKE_JWT}), so it ships to browsers`,
    }),
    finding({
      ruleId: 'legacy-key-value',
      severity: 'warning',
      file: '.env.local',
      line: 1,
      column: 1,
      message: '`VITE_SUPABASE_PUBLISHABLE_KEY` holds a legacy anon JWT, which stops working when the legacy keys are deactivated: supply the new publishable key (MIGRATE_KEYS_PUBLISHABLE_KEY) to replace it',
    }),
    finding({ ruleId: 'parse-error', file: 'src/broken.ts', line: 3, column: 14, message: AWKWARD_MESSAGE }),
    finding({
      ruleId: 'unused-suppression',
      severity: 'info',
      file: 'src/app.ts',
      line: 20,
      column: 5,
      message: `\`migrate-keys-ignore\` suppresses nothing here (the key ${FAKE_SECRET_KEY} moved)`,
    }),
  ];
}

function change(path: string, edits: number): FileChange {
  const before = 'VITE_SUPABASE_ANON_KEY\n';
  return { path, absolutePath: `/repo/${path}`, kind: 'code', original: Buffer.from(before), before, after: 'VITE_SUPABASE_PUBLISHABLE_KEY\n', edits };
}

const SAMPLE_OUTSIDE: OutsideReference[] = [
  {
    kind: 'github-secret',
    name: 'VITE_SUPABASE_ANON_KEY',
    newName: 'VITE_SUPABASE_PUBLISHABLE_KEY',
    file: '.github/workflows/deploy.yml',
    line: 9,
    action: 'Add the repository secret VITE_SUPABASE_PUBLISHABLE_KEY (Settings → Secrets and variables → Actions)',
  },
  { kind: 'vercel', name: 'SUPABASE_SERVICE_ROLE_KEY', file: 'vercel.json', line: 4, action: 'Set SUPABASE_SECRET_KEY in the Vercel project settings' },
];

export interface SampleOptions {
  mode?: Mode;
  findings?: Finding[];
  outside?: OutsideReference[];
}

export function sampleRunResult(options: SampleOptions = {}): RunResult {
  const findings = options.findings ?? sampleFindings();
  const outside = options.outside ?? SAMPLE_OUTSIDE;
  const keyValues = { publishable: 0, secret: 0, legacy: 2 };
  const plan: Plan = {
    root: '/repo',
    keyValues,
    times: { discover: 0, readAndPrefilter: 0, scan: 0, rules: 0 },
    parsing: { workers: 0, byWorkers: 0, files: 0 },
    parses: { parses: 0, files: 0, most: 0, again: 0 },
    discovery: { files: [], symlinks: 0, unmatched: [], unreadable: [] },
    filesScanned: 42,
    filesReadAgain: 0,
    mentionsSupabase: true,
    skipped: { ignored: 0, symlink: 0, binary: 0, large: 0, encoding: 0 },
    changes: [change('.env.example', 1), change('scripts/seed.ts', 1), change('src/lib/supabase.ts', 2)],
    findings,
    suppressed: [],
    failed: [],
    outside,
  };
  return {
    mode: options.mode ?? 'check',
    version: '0.1.0',
    displayRoot: '.',
    plan,
    findings,
    outside,
    checklist: checklist({ findings, keyValues, supplied: {}, outside: outside.length }),
    phase: 'final',
    fallbacks: 0,
    durationMs: 1234,
  };
}
