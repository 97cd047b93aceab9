// hardcoded-key: a key literal in a file the repository keeps, judged by its value (never by the name beside it),
// shown masked. .env files and SQL are other rules' (legacy-key-value, secret-key-exposed, sql-legacy-key).
import { KEYS, ruleTester } from '../helpers/rule-tester.js';

// Issue 20 item 7: one sentence of what is wrong (the key kind, shown masked), one of what to do.
const FROM_ENV = 'read it from the environment in server code instead';
const LOCAL = 'Read it from the environment (`supabase status -o env` prints it) if this code may run against a hosted project.';
// Leaked means rotate (issue 18, item 9): deactivating the legacy keys does not revoke a legacy JWT sent as Bearer.
// Issue 20 item 7: what revokes it; why deactivating is not enough is in the rules' docs.
const REVOKE = 'deactivate the legacy keys, move the project to JWT signing keys and revoke the legacy JWT secret (Project Settings → JWT Keys)';
const SERVICE_ROLE = (shown: string) =>
  `the legacy service_role key (${shown}) is hard-coded here, so it has leaked. Read a secret key (SUPABASE_SECRET_KEY) from the environment in server code instead, then ${REVOKE}.`;
const ANON =
  'the legacy anon key (`eyJhbGci…[legacy anon JWT]`) is hard-coded here and stops working when the legacy keys are deactivated. Read the publishable key from the environment instead.';
// In a file of build settings (an .xcconfig, a config file's JSON) the key is set, not hard-coded: it is replaced there.
const STORED_ANON =
  'the legacy anon key (`eyJhbGci…[legacy anon JWT]`) is set here and stops working when the legacy keys are deactivated: replace it with the publishable key (Project Settings → API Keys).';
// A JWT that is no API key: a user's session token (role authenticated).
const b64 = (value: string) => Buffer.from(value).toString('base64url');
const USER_TOKEN = [b64('{"alg":"HS256","typ":"JWT"}'), b64('{"iss":"supabase","role":"authenticated","sub":"u1"}'), b64('signature')].join('.');
// Something in the repository that says it uses Supabase, for files whose only hint is the literal itself.
const USES_SUPABASE = { 'src/supabase.ts': 'export const url = process.env.SUPABASE_URL\n' };

ruleTester('hardcoded-key', {
  valid: [
    {
      name: 'keys read from the environment; .env files and SQL, which are other rules’',
      files: {
        'src/lib/supabase.ts':
          "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY)\n",
        '.env': `SUPABASE_SECRET_KEY=${KEYS.secret}\nVITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.anon}\n`,
        'supabase/seed.sql': `select vault.create_secret('${KEYS.serviceRole}', 'service_role_key');\n`,
      },
    },
    { name: "a user's session token is not an API key", files: { ...USES_SUPABASE, 'test/session.ts': `export const token = '${USER_TOKEN}'\n` } },
    {
      name: 'masked keys in docs, a too-short sb_secret_ and a name that ends in sb_secret_',
      files: { 'docs/keys.md': '# Supabase\n\nThe key looks like `eyJhbGci…[legacy anon JWT]` or `sb_secret_…`; not `sb_secret_short`.\n', 'src/a.ts': 'export const my_sb_secret_aaaaaaaaaaaaaaaaaaaaaaaaa = process.env.SUPABASE_URL\n' },
    },
    {
      // Lockfiles are not read (their integrity hashes look like base64 keys and never are); binaries are not text.
      name: 'lockfiles and binaries are not read, whatever they hold',
      files: {
        ...USES_SUPABASE,
        'yarn.lock': `"@supabase/supabase-js@^2":\n  integrity sha512-${Buffer.from(KEYS.serviceRole).toString('base64')}\n`,
        'pnpm-lock.yaml': `packages:\n  key: ${KEYS.serviceRole}\n`,
        'ios/Podfile.lock': `PODS:\n  - ${KEYS.anon}\n`,
        'assets/logo.png': `\u0089PNG ${KEYS.anon}\n`,
      },
    },
  ],
  invalid: [
    {
      name: "issue 23: FlutterFlow's generated Supabase setup: the key is replaced in FlutterFlow, which rewrites the file",
      files: {
        'lib/backend/supabase/supabase.dart':
          `import 'package:supabase_flutter/supabase_flutter.dart';\n\nconst _kSupabaseUrl = 'https://abcdefghijklmnopqrst.supabase.co';\n` +
          `const _kSupabaseAnonKey =\n    '${KEYS.anon}';\n\nclass SupaFlow {\n  SupaFlow._();\n}\n`,
      },
      findings: [
        {
          file: 'lib/backend/supabase/supabase.dart',
          line: 5,
          column: 6,
          severity: 'warning',
          message:
            "the legacy anon key (`eyJhbGci…[legacy anon JWT]`) is in FlutterFlow's generated Supabase setup and stops working when the legacy keys are deactivated: " +
            'replace it with the publishable key in FlutterFlow (Settings & Integrations → Supabase), then push or download the code again.',
        },
      ],
    },
    {
      name: 'a legacy anon JWT in code is a warning (docs example), its value never shown',
      files: {
        'src/lib/supabase.ts':
          "import { createClient } from '@supabase/supabase-js'\n\n" +
          `export const supabase = createClient('https://abcdefghijklmnopqrst.supabase.co', '${KEYS.anon}')\n`,
      },
      findings: [{ line: 3, column: 83, severity: 'warning', message: ANON }],
    },
    {
      name: 'a service_role JWT and an sb_secret_ key have leaked: errors; a publishable key is public by design: info',
      files: { 'scripts/admin.ts': `// supabase admin\nconst a = "${KEYS.serviceRole}";\nconst b = '${KEYS.secret}'\nconst c = '${KEYS.publishable}'\n` },
      findings: [
        { line: 2, column: 12, severity: 'error', message: SERVICE_ROLE('`eyJhbGci…[legacy service_role JWT]`') },
        {
          line: 3,
          column: 12,
          severity: 'error',
          message: `a secret key (\`sb_secret_…[redacted]\`) is hard-coded here, so it has leaked. Delete it under Project Settings → API Keys, create a new one, and ${FROM_ENV}.`,
        },
        {
          line: 4,
          column: 12,
          severity: 'info',
          message:
            'a publishable key (`sb_publishable_…[redacted]`) is hard-coded here: public by design, but rotating it takes a code change. Read it from the environment instead.',
        },
      ],
    },
    {
      name: "the local CLI's demo JWT and default keys only work against a local stack: info",
      files: {
        'scripts/seed.ts':
          `// supabase start\nconst anon = '${KEYS.demoAnon}'\n` +
          "const secret = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz'\nconst publishable = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH'\n",
      },
      findings: [
        {
          line: 2,
          severity: 'info',
          message: `the local CLI's demo anon JWT (\`eyJhbGci…[local CLI demo JWT]\`, iss supabase-demo) is hard-coded here and only works against a local stack. ${LOCAL}`,
        },
        { line: 3, severity: 'info', message: `the Supabase CLI's local default secret key is hard-coded here and only works against a local stack. ${LOCAL}` },
        { line: 4, severity: 'info', message: `the Supabase CLI's local default publishable key is hard-coded here and only works against a local stack. ${LOCAL}` },
      ],
    },
    {
      // Issue 18, item 7: a base64-wrapped key says by itself that the repository uses Supabase, as a plain one does
      // (this case was a Known valid one: nothing else named Supabase, so the leaked key went unreported).
      name: 'a base64-wrapped key in a repository that names Supabase nowhere else',
      files: { 'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\ndata:\n  key: ${Buffer.from(KEYS.serviceRole).toString('base64')}\n` },
      findings: [{ line: 4, column: 8, severity: 'error', message: SERVICE_ROLE('`eyJhbGci…[legacy service_role JWT]`, base64-encoded') }],
    },
    {
      // Issue 18, item 7: every text file git would commit, not only the kinds the tool knew.
      name: 'any text file is read for key literals: scripts, mobile and JVM sources, notebooks, data, extension-less files',
      files: {
        'scripts/seed.ps1': `$client = createClient('https://abcdefghijklmnopqrst.supabase.co', '${KEYS.anon}')\n`,
        'scripts/admin.bat': `set KEY=${KEYS.serviceRole}\n`,
        'ios/App/Supabase.swift': `let client = SupabaseClient(supabaseURL: url, supabaseKey: "${KEYS.anon}")\n`,
        'ios/App/Config.xcconfig': `SUPABASE_KEY = ${KEYS.anon}\n`,
        'android/app/src/main/java/app/Api.kt': `val key = "${KEYS.anon}"\n`,
        'data/keys.csv': `name,value\nservice,${KEYS.serviceRole}\n`,
        'bin/reset-db': `#!/usr/bin/env node\nconst key = '${KEYS.serviceRole}'\n`,
      },
      findings: [
        { file: 'android/app/src/main/java/app/Api.kt', line: 1, column: 12, severity: 'warning', message: ANON },
        { file: 'bin/reset-db', line: 2, column: 14, severity: 'error', messageIncludes: 'the legacy service_role key (' },
        { file: 'data/keys.csv', line: 2, column: 9, severity: 'error', messageIncludes: 'the legacy service_role key (' },
        { file: 'ios/App/Config.xcconfig', line: 1, column: 16, severity: 'warning', message: STORED_ANON },
        { file: 'ios/App/Supabase.swift', line: 1, column: 61, severity: 'warning', message: ANON },
        { file: 'scripts/admin.bat', line: 1, column: 9, severity: 'error', messageIncludes: 'the legacy service_role key (' },
        { file: 'scripts/seed.ps1', line: 1, column: 69, severity: 'warning', message: ANON },
      ],
    },
    {
      name: 'base64-wrapped in a Kubernetes Secret',
      files: { 'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\ndata:\n  key: ${Buffer.from(KEYS.serviceRole).toString('base64')}\n`, ...USES_SUPABASE },
      findings: [{ line: 4, column: 8, severity: 'error', message: SERVICE_ROLE('`eyJhbGci…[legacy service_role JWT]`, base64-encoded') }],
    },
    {
      name: 'JSON, HTML, notebooks and Markdown are read too; two keys on a line are two findings',
      files: {
        'README.md': `# App\n\nUse \`${KEYS.anon}\` as the key.\n`,
        'config/app.json': `{ "supabaseKey": "${KEYS.anon}" }\n`,
        'notebooks/admin.ipynb': `${JSON.stringify({ cells: [{ cell_type: 'code', source: [`key = "${KEYS.serviceRole}"`] }] })}\n`,
        'public/index.html': `<script>const keys = ["${KEYS.anon}", "${KEYS.serviceRole}"]</script>\n`,
      },
      findings: [
        { file: 'README.md', line: 3, column: 6, severity: 'warning', message: ANON },
        { file: 'config/app.json', line: 1, column: 19, severity: 'warning', message: STORED_ANON },
        { file: 'notebooks/admin.ipynb', line: 1, severity: 'error', messageIncludes: 'the legacy service_role key (' },
        { file: 'public/index.html', line: 1, column: 24, severity: 'warning', message: ANON },
        { file: 'public/index.html', line: 1, severity: 'error', messageIncludes: 'the legacy service_role key (' },
      ],
    },
    {
      name: 'the rule’s severity from the config file applies to every finding, info included',
      files: { 'src/client.ts': `export const key = '${KEYS.publishable}'\n`, 'migrate-keys.config.json': '{ "rules": { "hardcoded-key": "warning" } }\n' },
      findings: [{ line: 1, severity: 'warning', messageIncludes: 'a publishable key (' }],
    },
  ],
});
