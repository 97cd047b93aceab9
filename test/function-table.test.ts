// The report's per-function table (issue 19 §1): function, callers (kinds), guard, verify_jwt, what to do, from the Edge
// Function model the rules read, carried by the plan (Plan.functions).
import { afterAll, describe, expect, it } from 'vitest';
import { plan } from '../src/core/plan.js';
import { html } from '../src/reporters/html.js';
import { markdown } from '../src/reporters/markdown.js';
import { GUARDED, HANDLER } from './helpers/edge-handlers.js';
import { removeTempDirs, writeTree } from './helpers/repo.js';
import { sampleRunResult } from './helpers/run-result.js';

afterAll(removeTempDirs);

async function planned() {
  const root = writeTree({
    'supabase/config.toml': '[functions.webhook]\nverify_jwt = false\n[functions.open]\nverify_jwt = false\n',
    'supabase/functions/nightly/index.ts': HANDLER,
    'supabase/functions/me/index.ts': GUARDED,
    'supabase/functions/webhook/index.ts': GUARDED,
    'supabase/functions/open/index.ts': HANDLER,
    'src/app.ts': "import { supabase } from './supabase'\nawait supabase.functions.invoke('me')\nawait supabase.functions.invoke('nightly')\n",
    'supabase/migrations/20260101000000_cron.sql': "select net.http_post(url := 'https://x.example/functions/v1/nightly');\n",
    // Another Edge Function calls webhook (a server); open's own commented-out curl example calls no one.
    'supabase/functions/relay/index.ts': "Deno.serve(() => fetch(`${Deno.env.get('SUPABASE_URL')}/functions/v1/webhook`))\n",
    'supabase/functions/open/README.ts': "// curl -i --location --request POST 'http://127.0.0.1:54321/functions/v1/open'\n",
    'scripts/backfill.py': "import os, requests\nrequests.post(os.environ['SUPABASE_URL'] + '/functions/v1/nightly', headers={'apikey': os.environ['API_KEY']})\n",
  });
  return plan({ root, paths: [], ignore: [], map: {} });
}

describe('the per-function table', () => {
  it('the plan carries each function: callers by kind, guard, verify_jwt', async () => {
    const { functions } = await planned();
    expect(functions).toEqual([
      { slug: 'me', entrypoint: 'supabase/functions/me/index.ts', callers: ['app'], guard: true, verifyJwt: true },
      { slug: 'nightly', entrypoint: 'supabase/functions/nightly/index.ts', callers: ['app', 'sql', 'script'], guard: false, verifyJwt: true },
      { slug: 'open', entrypoint: 'supabase/functions/open/index.ts', callers: [], guard: false, verifyJwt: false },
      { slug: 'relay', entrypoint: 'supabase/functions/relay/index.ts', callers: [], guard: false, verifyJwt: true },
      { slug: 'webhook', entrypoint: 'supabase/functions/webhook/index.ts', callers: ['function'], guard: true, verifyJwt: false },
    ]);
  });

  it('Markdown and HTML show function, callers, guard, verify_jwt and what to do', async () => {
    const { functions } = await planned();
    const result = sampleRunResult();
    result.plan.functions = functions;
    const md = markdown(result);
    expect(md).toContain('## Edge Functions');
    expect(md).toContain('| Function | Callers | Guard | verify_jwt | What to do |');
    expect(md).toContain(
      '| `nightly` | app, SQL, scripts/CI | verify_jwt only | on | add a check in the handler for its callers, then set `verify_jwt = false`; `legacy-keys --disable` waits for it |',
    );
    expect(md).toContain('| `me` | app | in the handler | on | safe to turn off: set `verify_jwt = false` (`--write --unsafe` does) |');
    expect(md).toContain('| `open` | none found | none | off | anyone can call it: add a check in the handler |');
    expect(md).toContain('| `webhook` | another Edge Function | in the handler | off | nothing |');
    const page = html(result);
    expect(page).toContain('<h2>Edge Functions</h2>');
    expect(page).toContain(
      '<td><code>nightly</code></td><td>app, SQL, scripts/CI</td><td>verify_jwt only</td><td>on</td><td>add a check in the handler for its callers, then set <code>verify_jwt = false</code>; <code>legacy-keys --disable</code> waits for it</td>',
    );
  });

  it('no section when the run found no function', () => {
    const result = sampleRunResult();
    expect(markdown(result)).not.toContain('## Edge Functions');
    expect(html(result)).not.toContain('<h2>Edge Functions</h2>');
  });
});
