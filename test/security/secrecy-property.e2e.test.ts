// Secrecy as a property: random repositories of every file kind the tool reads, holding generated
// JWTs (anon, service_role, the CLI's demo keys), sb_ keys, base64-wrapped JWTs and secret-named
// assignments beside legacy names. Across every mode, format and report, no generated value, nor
// any 12-character piece of its random part, appears in any output. More runs:
// MIGRATE_KEYS_SECRECY_RUNS=50 npx vitest run test/security/secrecy-property.e2e.test.ts
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, removeTempDirs, tempDir, writeTree } from '../helpers/repo.js';
import { runCliAsync } from '../reliability/helpers.js';

afterAll(removeTempDirs);

const RUNS = Number(process.env.MIGRATE_KEYS_SECRECY_RUNS ?? 4);

const B64URL = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
/** What secrets people write by hand: starts with a letter or digit, then anything a shell keeps unquoted. */
const SECRET_CHARS = [...ALNUM, '_', '-', '.', '+', '/', '=', '@', '%'];

const chars = (alphabet: readonly string[], min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((list) => list.join(''));

/** A value and the part of it that is random: only pieces of that part are secret. */
interface Secret {
  value: string;
  random: string[];
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = fc
  .record({
    role: fc.constantFrom('anon', 'service_role', 'demo'),
    ref: chars([...'abcdefghijklmnopqrstuvwxyz'], 20, 20),
    signature: chars(B64URL, 43, 43),
    iat: fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }),
  })
  .map(({ role, ref, signature, iat }): Secret => {
    const claims = role === 'demo' ? { iss: 'supabase-demo', role: 'anon', exp: 1983812996 } : { iss: 'supabase', ref, role, iat, exp: iat + 315_360_000 };
    const payload = b64(claims);
    return { value: `${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}.${signature}`, random: [payload, signature] };
  });
const newKey = (kind: 'publishable' | 'secret') => chars([...B64URL], 24, 40).map((random): Secret => ({ value: `sb_${kind}_${random}`, random: [random] }));
const handWritten = fc.tuple(chars(ALNUM, 1, 1), chars(SECRET_CHARS, 15, 39)).map(([first, rest]): Secret => ({ value: first + rest, random: [first + rest] }));
const SECRET_NAMES = ['JWT_SECRET', 'SUPABASE_JWT_SECRET', 'POSTGRES_PASSWORD', 'STRIPE_SECRET_KEY', 'GITHUB_TOKEN', 'PRIVATE_KEY', 'SERVICE_ROLE_SECRET', 'DB_PASSWORD'];

const world = fc.record({
  anon: jwt,
  serviceRole: jwt,
  other: jwt,
  publishable: newKey('publishable'),
  secret: newKey('secret'),
  suppliedPublishable: newKey('publishable'),
  suppliedSecret: newKey('secret'),
  hand: fc.array(handWritten, { minLength: 6, maxLength: 6 }),
  names: fc.shuffledSubarray(SECRET_NAMES, { minLength: 6, maxLength: 6 }),
  /** The format (and report) of each write mode's run: over the runs, every one of them. */
  writeFormat: fc.nat(3),
  transitionalFormat: fc.nat(3),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

/** One file of every kind, each with a legacy name (so its diff is shown) and secrets beside it. */
function files(w: World): Record<string, string> {
  const [h0, h1, h2, h3, h4, h5] = w.hand.map((s) => s.value) as [string, string, string, string, string, string];
  const [n0, n1, n2, n3, n4, n5] = w.names as [string, string, string, string, string, string];
  const A = w.anon.value;
  const S = w.serviceRole.value;
  const O = w.other.value;
  const P = w.publishable.value;
  const K = w.secret.value;
  const wrapped = Buffer.from(S).toString('base64');
  const [head, payload, signature] = O.split('.') as [string, string, string];
  return {
    '.gitignore': '.env.local\n',
    '.env': `VITE_SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\nVITE_SUPABASE_ANON_KEY=${A}\n${n0}=${h0}\n`,
    '.env.local': `SUPABASE_SERVICE_ROLE_KEY="${S}"\nVITE_SUPABASE_PUBLISHABLE_KEY=${P}\nexport ${n1}=${h1}\n`,
    'src/lib/supabase.ts':
      `const ${n2.toLowerCase().replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())} = "${h2}";\n` +
      `const fallback = "${head}." +\n  "${payload}." +\n  "${signature}";\n` +
      `export const url = import.meta.env.VITE_SUPABASE_URL;\n` +
      `export const key = import.meta.env.VITE_SUPABASE_ANON_KEY ?? "${A}";\n` +
      `export const admin = process.env.SUPABASE_SERVICE_ROLE_KEY ?? fallback;\n` +
      `export const secret = process.env.${n3} ?? "${h3}";\n` +
      `export const newSecret = "${K}";\n`,
    'src/App.vue': `<script setup lang="ts">\nconst key = import.meta.env.VITE_SUPABASE_ANON_KEY\nconst sb = "${P}"\n</script>\n`,
    'README.md': `# Setup\n\nSet ${n4}=${h4} in your shell, then put SUPABASE_SERVICE_ROLE_KEY in the dashboard.\nThe anon key is ${A}.\n\n\`\`\`sh\nVITE_SUPABASE_ANON_KEY=${A}\n${n5}=${h5}\n\`\`\`\n`,
    'supabase/config.toml': `[auth]\njwt_secret = "${h5}"\n\n[functions.hello]\nverify_jwt = true\n`,
    'supabase/functions/hello/index.ts': `const key = Deno.env.get("SUPABASE_SERVICE_ROLE_KEY") ?? "${S}";\nconst jwtSecret = Deno.env.get("${n0}") ?? "${h0}";\nDeno.serve(() => new Response(key + jwtSecret));\n`,
    'scripts/deploy.sh': `#!/bin/sh\nexport ${n1}=${h1}\ncurl -H "Authorization: Bearer ${S}" -H "apikey: $SUPABASE_SERVICE_ROLE_KEY" https://abcdefghijklmnopqrst.supabase.co/rest/v1/x\n`,
    'Makefile': `deploy:\n\tSUPABASE_SERVICE_ROLE_KEY=${S} ${n2}=${h2} supabase functions deploy hello\n`,
    'requests.http': `GET https://abcdefghijklmnopqrst.supabase.co/rest/v1/x\napikey: {{SUPABASE_ANON_KEY}}\nAuthorization: Bearer ${A}\n`,
    'package.json': `{\n  "name": "app",\n  "scripts": { "seed": "SUPABASE_SERVICE_ROLE_KEY=${S} node seed.js" }\n}\n`,
    '.github/workflows/ci.yml': `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      ${n3}: ${h3}\n      VITE_SUPABASE_ANON_KEY: \${{ secrets.VITE_SUPABASE_ANON_KEY }}\n      INLINE_KEY: ${A}\n    steps:\n      - run: npm run build\n`,
    'docker-compose.yml': `services:\n  api:\n    environment:\n      ${n4}: ${h4}\n      SUPABASE_SERVICE_ROLE_KEY: ${S}\n      password: ${h0}\n`,
    'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ndata:\n  service-role: ${wrapped}\nstringData:\n  SUPABASE_ANON_KEY: ${A}\n`,
    Dockerfile: `FROM node:20\nENV ${n5}=${h5}\nARG VITE_SUPABASE_ANON_KEY\nENV ${n0} ${h0}\nENV SUPABASE_SERVICE_ROLE_KEY=${S}\n`,
    'vercel.json': `{\n  "env": { "VITE_SUPABASE_ANON_KEY": "${A}", "${n1}": "${h1}" }\n}\n`,
    'app/settings.py': `import os\nSUPABASE_KEY = os.environ.get("SUPABASE_SERVICE_ROLE_KEY", "${S}")\n${n2} = os.getenv("${n2}") or "${h2}"\n`,
    'cmd/main.go': `package main\n\nimport "os"\n\nvar key = os.Getenv("SUPABASE_SERVICE_ROLE_KEY")\nvar fallback = "${S}"\n`,
    'lib/main.dart': `const anon = String.fromEnvironment('SUPABASE_ANON_KEY');\nconst inline = '${A}';\n`,
    'supabase/migrations/0001_cron.sql': `select net.http_post(url := 'https://abcdefghijklmnopqrst.supabase.co/functions/v1/hello', headers := jsonb_build_object('Authorization', 'Bearer ${S}'));\n`,
    'config/keys.json': `{ "anon": "${A}", "secret": "${K}", "${n3}": "${h3}" }\n`,
  };
}

/** Every 12-character piece of every random part: none may be printed. */
function pieces(w: World): Map<string, string> {
  const out = new Map<string, string>();
  const add = (label: string, secret: Secret) => {
    for (const part of secret.random) for (let i = 0; i + 12 <= part.length; i++) out.set(part.slice(i, i + 12), label);
  };
  add('anon JWT', w.anon);
  add('service_role JWT', w.serviceRole);
  add('split JWT', w.other);
  add('publishable key', w.publishable);
  add('secret key', w.secret);
  add('supplied publishable key', w.suppliedPublishable);
  add('supplied secret key', w.suppliedSecret);
  for (const [i, secret] of w.hand.entries()) add(`hand-written secret ${i}`, secret);
  // The base64 form of the service_role JWT: its pieces past the fixed header.
  const wrapped = Buffer.from(w.serviceRole.value).toString('base64');
  add('base64 of a JWT', { value: wrapped, random: [wrapped.slice(48)] });
  return out;
}

function leaks(text: string, secret: Map<string, string>): string[] {
  const found = new Set<string>();
  for (let i = 0; i + 12 <= text.length; i++) {
    const label = secret.get(text.slice(i, i + 12));
    // The line it sits in tells where the mask failed (the values are generated, never real).
    if (label !== undefined) found.add(`${label}: ${JSON.stringify(text.slice(Math.max(0, i - 40), i + 52))}`);
  }
  return [...found];
}

function repository(w: World): string {
  return commitAll(writeTree(files(w)), 'a repository full of secrets');
}

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
const REPORTS = ['md', 'json', 'sarif', 'html'] as const;
const MODES: Record<string, string[]> = { preview: [], check: ['--check'], write: ['--write'], transitional: ['--write', '--transitional'] };

describe('secrecy property', () => {
  it('no generated secret reaches any output of any mode, format or report', { timeout: 600_000 }, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const secret = pieces(w);
        const root = repository(w);
        const reports = tempDir('migrate-keys-secrecy-prop-reports-');
        const outputs: { where: string; text: string }[] = [];
        const supplied = { MIGRATE_KEYS_PUBLISHABLE_KEY: w.suppliedPublishable.value, MIGRATE_KEYS_SECRET_KEY: w.suppliedSecret.value };
        for (const [mode, args] of Object.entries(MODES)) {
          // Preview and --check run every format; the write modes one each (drawn), then undo.
          const formats = mode === 'preview' || mode === 'check' ? FORMATS.map((_, i) => i) : [mode === 'write' ? w.writeFormat : w.transitionalFormat];
          for (const i of formats) {
            const format = FORMATS[i] as string;
            const report = join(reports, `${mode}-${format}.${REPORTS[i]}`);
            const summary = join(reports, `${mode}-summary.md`);
            const env = { ...supplied, ...(format === 'github' ? { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } : {}) };
            const run = await runCliAsync(root, [...args, '--format', format, '--report', report], { env });
            runs++;
            const where = `${mode} -f ${format}`;
            expect(run.code, `${where}: ${run.stderr}`).not.toBe(2);
            outputs.push({ where: `${where} stdout`, text: run.stdout }, { where: `${where} stderr`, text: run.stderr });
            outputs.push({ where: `${where} report`, text: readFileSync(report, 'utf8') });
            if (existsSync(summary)) outputs.push({ where: `${where} step summary`, text: readFileSync(summary, 'utf8') });
            if (args.includes('--write')) {
              const undo = await runCliAsync(root, ['undo'], { env });
              expect(undo.code, `undo after ${where}: ${undo.stderr}`).toBe(0);
              outputs.push({ where: `undo after ${where}`, text: undo.stdout + undo.stderr });
            }
          }
        }
        // The outputs are real: the diff and the findings talk about the keys, masked.
        const all = outputs.map((o) => o.text).join('\n');
        expect(all).toContain('+++ b/docker-compose.yml');
        expect(all).toMatch(/eyJhbGci…\[legacy (anon|service_role) JWT\]/);
        const found = outputs.flatMap((o) => leaks(o.text, secret).map((label) => `${label} in ${o.where}`));
        expect(found).toEqual([]);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(runs).toBe(RUNS * 10);
  });
});
