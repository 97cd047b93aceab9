// The disable gate (src/commands/gate.ts) on a repository: blocked while a function's only guard is verify_jwt (issue 19 §4).
import { afterAll, describe, expect, it } from 'vitest';
import { blocks, inventoryLine, legacyUse, legacyUseLines } from '../src/commands/gate.js';
import { GUARDED, HANDLER } from './helpers/edge-handlers.js';
import { removeTempDirs, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

describe('legacy-keys --disable gate', () => {
  it('blocks while a function has verify_jwt as its only guard, though no legacy key is used, and says why and what to do', async () => {
    const root = writeTree({
      'supabase/config.toml': 'project_id = "my-app"\n',
      'supabase/functions/nightly/index.ts': HANDLER,
      'supabase/functions/me/index.ts': GUARDED,
    });
    const use = await legacyUse({ root, rules: [] });
    expect(blocks(use)).toBe(1);
    expect(legacyUseLines(use)).toEqual([expect.stringMatching(/^ {2}supabase\/functions\/nightly\/index\.ts:1 {2}edge-function-verify-jwt {2}function `nightly`: /)]);
    const line = inventoryLine(use);
    expect(line).toContain('client inventory (anon key): 0 places; server inventory (service_role key): 0 places');
    expect(line).toContain("1 Edge Function's only guard is verify_jwt");
    expect(line).toContain('may reject every caller once the legacy keys are disabled');
    expect(line).toContain('add a check in the handler, then set `verify_jwt = false`');
  });

  it('does not block on a function that checks its caller, or whose verify_jwt is off', async () => {
    const root = writeTree({
      'supabase/config.toml': '[functions.off]\nverify_jwt = false\n',
      'supabase/functions/me/index.ts': GUARDED,
      'supabase/functions/off/index.ts': GUARDED,
    });
    const use = await legacyUse({ root, rules: [] });
    expect(blocks(use)).toBe(0);
    expect(inventoryLine(use)).not.toContain('only guard');
  });

  it('lets the transition through: a new-first fallback does not block (remove it after disabling), a bare legacy read does', async () => {
    const PACKAGE = JSON.stringify({ name: 'app', dependencies: { '@supabase/supabase-js': '^2.112.0' } });
    const fallback = 'export const key = process.env.SUPABASE_SECRET_KEY ?? process.env.SUPABASE_SERVICE_ROLE_KEY\n';
    const onlyFallbacks = writeTree({ 'package.json': PACKAGE, 'server/a.ts': fallback, '.env.example': 'SUPABASE_SECRET_KEY=\nSUPABASE_SERVICE_ROLE_KEY=\n' });
    expect(blocks(await legacyUse({ root: onlyFallbacks, rules: [] }))).toBe(0);
    const bare = writeTree({ 'package.json': PACKAGE, 'server/a.ts': fallback + 'export const other = process.env.SUPABASE_SERVICE_ROLE_KEY\n' });
    const use = await legacyUse({ root: bare, rules: [] });
    expect(blocks(use)).toBe(1);
    expect(legacyUseLines(use)).toEqual([expect.stringMatching(/^ {2}server\/a\.ts:2 {2}legacy-env-name/)]);
  });
});
