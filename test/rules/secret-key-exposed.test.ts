// secret-key-exposed: a secret/service_role key behind a public prefix, or read by code that ships to browsers
// (docs/rules/secret-key-exposed.md).
import { KEYS, ruleTester } from '../helpers/rule-tester.js';

const ADVICE = 'use it only in server code under a name without the prefix (SUPABASE_SECRET_KEY), and rotate the key';
const behind = (name: string, what: string) => `\`${name}\` puts ${what} behind a public prefix, so it ships to browsers: ${ADVICE}`;
const NEXT = { 'package.json': '{ "dependencies": { "@supabase/supabase-js": "^2.110.0", "next": "^15.0.0" } }\n' };
const NEXT_PLACE = 'a route handler, a server action or a server component';
const inBrowser = (name: string, what: string, reason: string, place: string) =>
  `\`${name}\` (${what}) is read in code that ships to the browser (${reason}): there it is undefined, or public once given a public prefix. ` +
  `Move this call to ${place}, and rotate the key if a build ever included it`;

ruleTester('secret-key-exposed', {
  valid: [
    {
      name: 'secrets read in server code: a Next.js server component and data function, SvelteKit server files, a Vite server folder',
      files: {
        ...NEXT,
        'app/admin/page.tsx': "import { createClient } from '@supabase/supabase-js'\n\nconst admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SECRET_KEY!)\n",
        'pages/report.tsx':
          'export async function getServerSideProps() {\n  const key = process.env.SUPABASE_SECRET_KEY\n  return { props: {} }\n}\nexport default function Report() {\n  return null\n}\n',
        'site/package.json': '{ "dependencies": { "@sveltejs/kit": "^2.0.0" } }\n',
        'site/src/lib/server/db.ts': "import { SUPABASE_SECRET_KEY } from '$env/static/private'\nexport const key = SUPABASE_SECRET_KEY\n",
        'site/src/routes/+page.server.ts': "import { env } from '$env/dynamic/private'\nexport const key = env.SUPABASE_SECRET_KEY\n",
        'spa/package.json': '{ "dependencies": { "vite": "^6.0.0" } }\n',
        'spa/index.html': '<script type="module" src="/src/main.ts"></script>\n',
        'spa/server/index.ts': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
      },
    },
    {
      name: 'look-alikes: a publishable name or value under a public prefix, a secret without one, longer or other-prefixed names, a .txt note',
      files: {
        '.env': `NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=${KEYS.publishable}\nVITE_SUPABASE_ANON_KEY=${KEYS.anon}\nSUPABASE_SECRET_KEY=${KEYS.secret}\nNEXT_PUBLIC_SUPABASE_SECRET_KEY_HINT=see-wiki\nMY_SUPABASE_SERVICE_ROLE_KEY=x\n`,
        'notes.txt': 'do not add NEXT_PUBLIC_SUPABASE_SECRET_KEY\n',
        'src/admin.ts': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a service_role name behind a public prefix: reported, and never renamed into another public name',
      files: { '.env.local': 'NEXT_PUBLIC_SUPABASE_URL=\nNEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=\n' },
      // Every rule runs, as in the CLI: legacy-env-name must not rename it either.
      options: { allRules: true },
      findings: [{ line: 2, column: 1, message: behind('NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY', 'the service_role key') }],
    },
    {
      name: 'new secret names and the JWT secret behind public prefixes',
      files: { '.env': 'VITE_SUPABASE_SECRET_KEY=\nPUBLIC_SUPABASE_JWT_SECRET=\nEXPO_PUBLIC_SUPABASE_SERVICE_KEY=\nVITE_SUPABASE_SECRET_KEYS=\n' },
      findings: [
        { line: 1, message: behind('VITE_SUPABASE_SECRET_KEY', 'the secret key') },
        { line: 2, message: behind('PUBLIC_SUPABASE_JWT_SECRET', 'the legacy JWT secret') },
        { line: 3, message: behind('EXPO_PUBLIC_SUPABASE_SERVICE_KEY', 'the service_role key') },
        { line: 4, message: behind('VITE_SUPABASE_SECRET_KEYS', 'the secret key') },
      ],
    },
    {
      name: 'by value: a service_role JWT or a secret key under a public name, whatever the name says',
      files: { '.env': `VITE_SUPABASE_KEY=${KEYS.serviceRole}\nNEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=${KEYS.secret}\n` },
      findings: [
        // Leaked means rotate (issue 18, item 9): a legacy JWT is revoked only with the legacy JWT secret.
        {
          line: 1,
          column: 1,
          message:
            '`VITE_SUPABASE_KEY` holds a legacy service_role JWT under a public name, so it ships to browsers and has leaked: use a secret key only ' +
            'in server code under a name without the prefix (SUPABASE_SECRET_KEY), then deactivate the legacy keys, and, since that does not revoke ' +
            'a legacy JWT sent as Authorization: Bearer, move the project to JWT signing keys and revoke the legacy JWT secret (Project Settings → JWT Keys)',
        },
        { line: 2, column: 1, message: `\`NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY\` holds a secret key under a public name, so it ships to browsers: ${ADVICE}` },
      ],
    },
    {
      name: "a Next.js 'use client' module, and a module it imports",
      files: {
        'app/admin/page.tsx':
          "'use client'\nimport { createClient } from '@supabase/supabase-js'\nimport { backup } from '../../lib/backup'\n\n" +
          'const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SECRET_KEY!)\n',
        'lib/backup.ts': 'export const backup = process.env.SUPABASE_SERVICE_ROLE_KEY\n',
        ...NEXT,
      },
      findings: [
        { line: 5, column: 79, message: inBrowser('SUPABASE_SECRET_KEY', 'the secret key', "a 'use client' module", NEXT_PLACE) },
        {
          file: 'lib/backup.ts',
          line: 1,
          column: 35,
          message: inBrowser('SUPABASE_SERVICE_ROLE_KEY', 'the service_role key', "imported by `app/admin/page.tsx`, a 'use client' module", NEXT_PLACE),
        },
      ],
    },
    {
      name: 'browser code of other frameworks: a pages-router page, SvelteKit outside server files, Vite src/, a .vue component',
      files: {
        ...NEXT,
        'pages/admin.tsx': 'export default function Admin() {\n  return process.env.SUPABASE_SERVICE_ROLE_KEY\n}\n',
        'site/package.json': '{ "dependencies": { "@sveltejs/kit": "^2.0.0" } }\n',
        'site/src/lib/db.ts': "import { SUPABASE_SECRET_KEY } from '$env/static/private'\nexport const key = SUPABASE_SECRET_KEY\n",
        'spa/package.json': '{ "dependencies": { "vite": "^6.0.0" } }\n',
        'spa/index.html': '<script type="module" src="/src/main.ts"></script>\n',
        'spa/src/admin.ts': 'export const key = import.meta.env.SUPABASE_SECRET_KEY\n',
        'spa/src/App.vue': '<script setup>\nconst key = import.meta.env.SUPABASE_SECRET_KEY\n</script>\n',
      },
      findings: [
        { file: 'pages/admin.tsx', line: 2, column: 22, messageIncludes: '(a Next.js pages-router page)' },
        { file: 'site/src/lib/db.ts', line: 1, column: 10, messageIncludes: '(SvelteKit code outside `.server` files and `$lib/server`)' },
        { file: 'spa/src/App.vue', line: 2, column: 29, messageIncludes: '(a `.vue` component)' },
        { file: 'spa/src/admin.ts', line: 1, column: 36, messageIncludes: '(Vite app code)' },
      ],
    },
    {
      name: 'a public secret name in code and in a workflow',
      files: {
        'src/admin.ts': 'export const admin = process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY\n',
        '.github/workflows/build.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      NEXT_PUBLIC_SUPABASE_SECRET_KEY: ${{ secrets.SUPABASE_SECRET_KEY }}\n    steps:\n      - run: npm run build\n',
      },
      findings: [
        { file: '.github/workflows/build.yml', line: 6, column: 7, message: behind('NEXT_PUBLIC_SUPABASE_SECRET_KEY', 'the secret key') },
        { file: 'src/admin.ts', line: 1, column: 34, message: behind('NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY', 'the service_role key') },
      ],
    },
    {
      name: 'a Markdown page that warns against the name',
      // Known: a mention in docs is an error like a real setting (bearer-api-key reports docs as info).
      files: { 'README.md': 'Never set NEXT_PUBLIC_SUPABASE_SECRET_KEY.\n' },
      findings: [{ line: 1, column: 11, message: behind('NEXT_PUBLIC_SUPABASE_SECRET_KEY', 'the secret key') }],
    },
  ],
});
