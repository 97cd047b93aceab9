// legacy-key-value: a legacy anon or service_role JWT stored in a .env file, under any name, classified by its value.
// With the new key of its role supplied, --write replaces the value (quotes, comments and line endings kept).
import { KEYS, ruleTester, SUPPLIED } from '../helpers/rule-tester.js';

const STOPS = 'which stops working when the legacy keys are deactivated';
const b64 = (value: string) => Buffer.from(value).toString('base64url');
const DEMO_SERVICE_ROLE = [b64('{"alg":"HS256","typ":"JWT"}'), b64('{"iss":"supabase-demo","role":"service_role","exp":1983812996}'), b64('signature')].join('.');
// Issue 20 item 7: what revokes it; why deactivating is not enough is in the rules' docs.
const REVOKE = 'deactivate the legacy keys, move the project to JWT signing keys and revoke the legacy JWT secret (Project Settings → JWT Keys)';

ruleTester('legacy-key-value', {
  valid: [
    {
      // The local CLI's demo JWT was here until issue 18, item 8: it is now an info (below).
      name: 'new keys and placeholders; a key in JSON is hardcoded-key’s',
      files: {
        '.env': `VITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.publishable}\nSUPABASE_SECRET_KEY=${KEYS.secret}\nSUPABASE_SERVICE_ROLE_KEY=your-service-role-key\n`,
        'config/supabase.json': `{ "key": "${KEYS.anon}" }\n`,
      },
      supplied: SUPPLIED,
    },
    // Behind a public name a service_role key is secret-key-exposed's: replacing it would still ship it to browsers.
    { name: 'a service_role JWT behind a public name', files: { '.env': `NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=${KEYS.serviceRole}\nVITE_SUPABASE_SECRET_KEY=${KEYS.serviceRole}\n` }, supplied: SUPPLIED },
    // The legacy line goes (legacy-env-name retires it), so its value is not reported.
    { name: 'a legacy line whose new name stands beside it', files: { '.env': `SUPABASE_SERVICE_ROLE_KEY=${KEYS.serviceRole}\nSUPABASE_SECRET_KEY=${KEYS.secret}\n` }, supplied: SUPPLIED },
  ],
  invalid: [
    {
      name: 'without the new keys: supply them',
      files: { '.env': `VITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.anon}\nSUPABASE_SECRET_KEY=${KEYS.serviceRole}\n` },
      findings: [
        { line: 1, column: 1, fixable: false, message: `\`VITE_SUPABASE_PUBLISHABLE_KEY\` holds a legacy anon JWT, ${STOPS}: supply the new publishable key (MIGRATE_KEYS_PUBLISHABLE_KEY) to replace it` },
        { line: 2, column: 1, fixable: false, message: `\`SUPABASE_SECRET_KEY\` holds a legacy service_role JWT, ${STOPS}: supply the new secret key (MIGRATE_KEYS_SECRET_KEY) to replace it` },
      ],
    },
    {
      // Leaked means rotate (issue 18, item 9): a service_role JWT in a file git tracks has leaked, whatever the name;
      // an anon JWT there is public anyway, and a file git does not track (.env.local) has leaked nothing.
      name: 'a service_role JWT in a committed .env has leaked',
      files: {
        '.env': `SUPABASE_SECRET_KEY=${KEYS.serviceRole}\nVITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.anon}\n`,
        'apps/api/.env': `SUPABASE_ANON_KEY=${KEYS.serviceRole}\n`,
        '.env.local': `SUPABASE_SECRET_KEY=${KEYS.serviceRole}\n`,
        '.gitignore': '.env.local\n',
      },
      git: true,
      findings: [
        {
          file: '.env',
          line: 1,
          message:
            `\`SUPABASE_SECRET_KEY\` holds a legacy service_role JWT, ${STOPS}: supply the new secret key (MIGRATE_KEYS_SECRET_KEY) to replace it. ` +
            `Git tracks this file, so the key has leaked: ${REVOKE}`,
        },
        { file: '.env', line: 2, message: `\`VITE_SUPABASE_PUBLISHABLE_KEY\` holds a legacy anon JWT, ${STOPS}: supply the new publishable key (MIGRATE_KEYS_PUBLISHABLE_KEY) to replace it` },
        { file: '.env.local', line: 1, message: `\`SUPABASE_SECRET_KEY\` holds a legacy service_role JWT, ${STOPS}: supply the new secret key (MIGRATE_KEYS_SECRET_KEY) to replace it` },
        {
          file: 'apps/api/.env',
          line: 1,
          message: `\`SUPABASE_ANON_KEY\` holds a legacy service_role JWT, ${STOPS}, under a publishable name: check which key belongs here. Git tracks this file, so the key has leaked: ${REVOKE}`,
        },
      ],
    },
    {
      // Issue 18, item 8: the local CLI's demo JWTs (iss supabase-demo) are legacy keys of the local stack; --from-local
      // supplies the local stack's new keys, which replace them. Keys supplied any other way are not the local stack's.
      name: "the local CLI's demo JWTs kept after the rename: info, with the command that replaces them",
      files: {
        '.env.local': `SUPABASE_URL=http://127.0.0.1:54321\nSUPABASE_SERVICE_ROLE_KEY=${DEMO_SERVICE_ROLE}\nVITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.demoAnon}\nSUPABASE_ANON_KEY=${DEMO_SERVICE_ROLE}\n`,
      },
      supplied: SUPPLIED,
      allRules: true,
      findings: [
        {
          line: 2,
          severity: 'info',
          fixable: false,
          message:
            "`SUPABASE_SERVICE_ROLE_KEY` holds the local CLI's demo service_role JWT (iss supabase-demo), a legacy key of the local stack: with the local " +
            'stack running (supabase start), run `migrate-keys .env.local --write --from-local` to replace it with the local stack’s secret key',
        },
        {
          line: 3,
          severity: 'info',
          fixable: false,
          message:
            "`VITE_SUPABASE_PUBLISHABLE_KEY` holds the local CLI's demo anon JWT (iss supabase-demo), a legacy key of the local stack: with the local " +
            'stack running (supabase start), run `migrate-keys .env.local --write --from-local` to replace it with the local stack’s publishable key',
        },
        {
          line: 4,
          severity: 'info',
          fixable: false,
          message:
            "`SUPABASE_ANON_KEY` holds the local CLI's demo service_role JWT (iss supabase-demo), a legacy key of the local stack, under a publishable name: check which key belongs here",
        },
      ],
      output: { '.env.local': `SUPABASE_URL=http://127.0.0.1:54321\nSUPABASE_SECRET_KEY=${DEMO_SERVICE_ROLE}\nVITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.demoAnon}\nSUPABASE_PUBLISHABLE_KEY=${DEMO_SERVICE_ROLE}\n` },
    },
    {
      name: "--from-local: the local stack's keys replace the demo JWTs",
      files: { '.env.local': `SUPABASE_SECRET_KEY=${DEMO_SERVICE_ROLE}\nVITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.demoAnon}\n` },
      supplied: { ...SUPPLIED, localStack: true },
      findings: [
        { line: 1, severity: 'info', fixable: true, message: "`SUPABASE_SECRET_KEY` holds the local CLI's demo service_role JWT (iss supabase-demo), a legacy key of the local stack: replace it with the local stack’s secret key" },
        { line: 2, severity: 'info', fixable: true, messageIncludes: 'replace it with the local stack’s publishable key' },
      ],
      output: { '.env.local': `SUPABASE_SECRET_KEY=${KEYS.secret}\nVITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.publishable}\n` },
    },
    {
      name: 'a legacy anon JWT under the new name, the new key supplied (docs example)',
      files: { '.env.local': `VITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.anon}\n` },
      supplied: SUPPLIED,
      findings: [{ line: 1, fixable: true, message: `\`VITE_SUPABASE_PUBLISHABLE_KEY\` holds a legacy anon JWT, ${STOPS}: replace it with the new publishable key` }],
      output: { '.env.local': `VITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.publishable}\n` },
    },
    {
      name: 'quotes, export, spaces, comments and CRLF stay; nested and example files are read; migrate-keys-ignore keeps a value',
      files: {
        'apps/api/.env': `# migrate-keys-ignore legacy-key-value\nSUPABASE_SECRET_KEY=${KEYS.serviceRole}\n`,
        '.env': `# Supabase\r\nexport VITE_SUPABASE_PUBLISHABLE_KEY="${KEYS.anon}" # the key\r\nSUPABASE_SECRET_KEY = '${KEYS.serviceRole}'\r\n`,
        'apps/web/.env.production': `API_KEY=${KEYS.anon}\n`,
        '.env.example': `SUPABASE_SECRET_KEY=${KEYS.serviceRole}`,
      },
      supplied: SUPPLIED,
      findings: [
        { file: '.env', line: 2, column: 8, messageIncludes: 'replace it with the new publishable key' },
        { file: '.env', line: 3, column: 1, messageIncludes: 'replace it with the new secret key' },
        { file: '.env.example', line: 1, messageIncludes: 'replace it with the new secret key' },
        // A name that claims no role: the value decides.
        { file: 'apps/web/.env.production', line: 1, message: `\`API_KEY\` holds a legacy anon JWT, ${STOPS}: replace it with the new publishable key` },
      ],
      output: {
        '.env': `# Supabase\r\nexport VITE_SUPABASE_PUBLISHABLE_KEY="${KEYS.publishable}" # the key\r\nSUPABASE_SECRET_KEY = '${KEYS.secret}'\r\n`,
        'apps/web/.env.production': `API_KEY=${KEYS.publishable}\n`,
        '.env.example': `SUPABASE_SECRET_KEY=${KEYS.secret}`,
      },
    },
    {
      name: 'only the publishable key supplied: the service_role value waits',
      files: { '.env': `VITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.anon}\nSUPABASE_SECRET_KEY=${KEYS.serviceRole}\n` },
      supplied: { publishable: KEYS.publishable },
      findings: [
        { line: 1, fixable: true, messageIncludes: 'replace it with the new publishable key' },
        { line: 2, fixable: false, messageIncludes: 'supply the new secret key (MIGRATE_KEYS_SECRET_KEY)' },
      ],
      output: { '.env': `VITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.publishable}\nSUPABASE_SECRET_KEY=${KEYS.serviceRole}\n` },
    },
    {
      name: 'a name and a value of different roles: a person decides, nothing is replaced',
      files: { '.env': `SUPABASE_SECRET_KEY=${KEYS.anon}\nSUPABASE_ANON_KEY=${KEYS.serviceRole}\n` },
      supplied: SUPPLIED,
      findings: [
        { line: 1, fixable: false, message: `\`SUPABASE_SECRET_KEY\` holds a legacy anon JWT, ${STOPS}, under a secret name: check which key belongs here` },
        { line: 2, fixable: false, message: `\`SUPABASE_ANON_KEY\` holds a legacy service_role JWT, ${STOPS}, under a publishable name: check which key belongs here` },
      ],
      output: null,
    },
    {
      name: 'a legacy name and value: --write renames the name (legacy-env-name) and replaces the value (docs example)',
      files: { '.env.local': `SUPABASE_SERVICE_ROLE_KEY=${KEYS.serviceRole}\n` },
      supplied: SUPPLIED,
      allRules: true,
      findings: [{ line: 1, fixable: true, message: `\`SUPABASE_SERVICE_ROLE_KEY\` holds a legacy service_role JWT, ${STOPS}: replace it with the new secret key` }],
      output: { '.env.local': `SUPABASE_SECRET_KEY=${KEYS.secret}\n` },
    },
    {
      // The second file is what --write --transitional leaves behind, run again: its legacy line is retired
      // (legacy-env-name says it goes, and keeps it under --transitional), so only the new name's legacy value is this rule's.
      name: '--transitional keeps a legacy line to rename, and its value, for the rollout',
      files: {
        '.env': `VITE_SUPABASE_ANON_KEY=${KEYS.anon}\n`,
        'apps/web/.env': `VITE_SUPABASE_ANON_KEY=${KEYS.anon}\nVITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.anon}\n`,
      },
      supplied: SUPPLIED,
      transitional: true,
      findings: [
        {
          line: 1,
          fixable: false,
          message: `\`VITE_SUPABASE_ANON_KEY\` holds a legacy anon JWT, ${STOPS}: kept for the rollout beside its new name; once it is over, run without --transitional to remove it`,
        },
        { file: 'apps/web/.env', line: 2, fixable: true, messageIncludes: '`VITE_SUPABASE_PUBLISHABLE_KEY` holds a legacy anon JWT' },
      ],
      output: { 'apps/web/.env': `VITE_SUPABASE_ANON_KEY=${KEYS.anon}\nVITE_SUPABASE_PUBLISHABLE_KEY=${KEYS.publishable}\n` },
    },
  ],
});
