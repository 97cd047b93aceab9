// The six steps' text for the disable gate (issue 19 §4): both inventories, and a leaked service_role JWT at step 6.
import { describe, expect, it } from 'vitest';
import { checklist, legacyInventories } from '../src/core/checklist.js';
import { REVOKE_LEGACY_JWT } from '../src/rules/leaks.js';
import { ONLY_GUARD } from '../src/rules/edge-function-verify-jwt.js';
import { finding } from './helpers/run-result.js';

const keyValues = { publishable: 0, secret: 0, legacy: 0 };
const stepOf = (findings: Parameters<typeof checklist>[0]['findings'], step: number) =>
  checklist({ findings, keyValues, supplied: {}, outside: 0 }).find((s) => s.step === step);

const anonName = finding({ ruleId: 'legacy-env-name', file: 'src/lib/supabase.ts', line: 3, message: '`VITE_SUPABASE_ANON_KEY` is a legacy key name: rename it to `VITE_SUPABASE_PUBLISHABLE_KEY`' });
const serviceName = finding({ ruleId: 'legacy-env-name', file: 'scripts/seed.ts', line: 2, message: '`SUPABASE_SERVICE_ROLE_KEY` is a legacy key name: rename it to `SUPABASE_SECRET_KEY`' });
const serviceValue = finding({
  ruleId: 'legacy-key-value',
  file: '.env',
  line: 4,
  message: `\`SUPABASE_SERVICE_ROLE_KEY\` holds a legacy service_role JWT. Git tracks this file, so the key has leaked: ${REVOKE_LEGACY_JWT}`,
});

// edge-function-verify-jwt's two verdicts: a function whose only guard is verify_jwt (a warning), one that checks its caller (an info).
const onlyGuard = finding({
  ruleId: 'edge-function-verify-jwt',
  severity: 'warning',
  file: 'supabase/functions/nightly/index.ts',
  line: 1,
  message: `function \`nightly\`: verify_jwt is on by default and ${ONLY_GUARD}: \`verify_jwt\` does not authenticate API-key callers …`,
});
const safeOff = finding({
  ruleId: 'edge-function-verify-jwt',
  severity: 'info',
  file: 'supabase/config.toml',
  line: 3,
  message: 'function `c`: verify_jwt is on by default, and the function checks its caller in code: verify_jwt is safe to turn off …',
});

describe('legacyInventories', () => {
  it('counts the anon key’s users (client) and the service_role key’s users (server) apart', () => {
    expect(legacyInventories([anonName, serviceName, serviceValue])).toEqual({ client: 1, server: 2, other: 0 });
  });
  it('reads the rename when the finding carries one', () => {
    const renamed = finding({ ruleId: 'legacy-env-name', file: 'a.ts', line: 1, message: 'x', rename: { from: 'NEXT_PUBLIC_SUPABASE_ANON_KEY', to: 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY' } });
    expect(legacyInventories([renamed])).toEqual({ client: 1, server: 0, other: 0 });
  });
});

describe('step 5: deactivate the legacy keys', () => {
  it('is blocked on both inventories, and says the one switch takes anon and service_role together', () => {
    const step = stepOf([anonName, serviceName], 5);
    expect(step?.status).toBe('blocked');
    expect(step?.detail).toContain('client inventory (anon key): 1 place');
    expect(step?.detail).toContain('server inventory (service_role key): 1 place');
    expect(step?.detail).toContain('disables `anon` and `service_role` together');
  });
  it('is blocked while only the server inventory is left', () => {
    const step = stepOf([serviceName], 5);
    expect(step?.status).toBe('blocked');
    expect(step?.detail).toContain('client inventory (anon key): 0 places');
  });
  it('is blocked while a function’s only guard is verify_jwt, even with both inventories clean (issue 19 §4), and says what to do', () => {
    const step = stepOf([onlyGuard], 5);
    expect(step?.status).toBe('blocked');
    expect(step?.detail).toContain("1 Edge Function's only guard is verify_jwt (supabase/functions/nightly/index.ts:1)");
    expect(step?.detail).toContain('may reject every caller once the legacy keys are disabled');
    expect(step?.detail).toContain('add a check in the handler, then set `verify_jwt = false`');
    expect(step?.detail).not.toContain('legacy-keys --disable` (it checks again first)');
    const both = stepOf([anonName, onlyGuard], 5);
    expect(both?.detail).toContain('client inventory (anon key): 1 place');
    expect(both?.detail).toContain("1 Edge Function's only guard is verify_jwt");
  });
  it('is not blocked by a function that checks its caller (the info), nor by a warning that --write fixed', () => {
    expect(stepOf([safeOff], 5)?.status).toBe('todo');
    expect(stepOf([{ ...onlyGuard, fixed: true }], 5)?.status).toBe('todo');
  });
  it('when both are clean, says how to roll back', () => {
    const step = stepOf([], 5);
    expect(step?.status).toBe('todo');
    expect(step?.detail).toContain('disables `anon` and `service_role` together');
    expect(step?.detail).toContain('migrate-keys legacy-keys --enable');
    expect(step?.detail).toContain('re-enable');
  });
});

describe('step 6: a leaked service_role JWT', () => {
  it('says disabling does not revoke it, with the sentence the rules use', () => {
    const step = stepOf([serviceValue], 6);
    expect(step?.detail).toContain('A legacy service_role JWT has leaked (.env:4)');
    expect(step?.detail).toContain(REVOKE_LEGACY_JWT);
  });
  it('still says so once --write fixed the file: the value has leaked all the same', () => {
    const step = stepOf([{ ...serviceValue, fixed: true }], 6);
    expect(step?.detail).toContain(REVOKE_LEGACY_JWT);
  });
  it('says nothing of a leak when none was found', () => {
    expect(stepOf([anonName], 6)?.detail).not.toContain('leaked');
  });
});
