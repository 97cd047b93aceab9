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
});
