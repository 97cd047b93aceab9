// secret-key-exposed: a secret/service_role key behind a public prefix, or read by code that ships to browsers
// (docs/rules/secret-key-exposed.md).
import { KEYS, ruleTester } from '../helpers/rule-tester.js';

// Issue 20 item 7: one sentence of what is wrong (the name, the key it holds, where it ships), one of what to do.
const ADVICE = 'Use it only in server code under a name without the prefix (SUPABASE_SECRET_KEY), and rotate the key.';
const behind = (name: string, what: string) => `\`${name}\` puts ${what} behind a public prefix, so it ships to browsers. ${ADVICE}`;
const NEXT = { 'package.json': '{ "dependencies": { "@supabase/supabase-js": "^2.110.0", "next": "^15.0.0" } }\n' };
const NEXT_PLACE = 'a route handler, a server action or a server component';
// What happens to a secret read in browser code is the framework's own rule (issue 18, item 19): SvelteKit refuses to
// build a browser import of its private env modules; the others leave the name without a value there.
const inBrowser = (name: string, what: string, reason: string, place: string, happens: string) =>
  `\`${name}\` (${what}) is read in code that ships to the browser (${reason}): ${happens}. ` +
  `Move this call to ${place}, and rotate the key if a build ever included it.`;
const NEXT_HAPPENS =
  'Next.js makes variables without `NEXT_PUBLIC_` available only in Node.js, so the browser does not get this one, and the `NEXT_PUBLIC_` prefix would publish it';
const pkg = (dependency: string) => `{ "dependencies": { "${dependency}": "*" } }\n`;
const SECRET_READ = 'export const key = import.meta.env.SUPABASE_SECRET_KEY\n';

ruleTester('secret-key-exposed', {
  valid: [
    {
      name: "issue 23: a Flutter asset .env with the publishable key; a server's .env beside it that no pubspec bundles; a subfolder of an asset folder",
      files: {
        'app/pubspec.yaml': 'name: app\ndependencies:\n  supabase_flutter: ^2.14.0\nflutter:\n  assets:\n    - .env\n    - assets/\n',
        'app/.env': `SUPABASE_PUBLISHABLE_KEY=${KEYS.publishable}\n`,
        'app/assets/nested/server.env': `SUPABASE_SECRET_KEY=${KEYS.secret}\n`,
        'server/.env': `SUPABASE_SECRET_KEY=${KEYS.secret}\n`,
      },
    },
    {
      name: "issue 23: a secret in a Go server, and in Xcode's build settings and schemes, which reach an app only through Info.plist",
      files: {
        'cmd/server/main.go': 'package main\n\nimport "os"\n\n// Supabase admin client\nvar key = os.Getenv("SUPABASE_SECRET_KEY")\n',
        'ios/Config/Server.xcconfig': '// Supabase, for the UI tests\' seeding\nSUPABASE_SECRET_KEY = x\n',
      },
    },
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
      name: "issue 23: a secret key or a service_role JWT in an env file a Flutter app bundles (a file entry, and a folder's)",
      files: {
        'app/pubspec.yaml': 'name: app\ndependencies:\n  supabase_flutter: ^2.14.0\nflutter:\n  assets:\n    - .env\n    - assets/config/\n',
        'app/.env': `SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\nSUPABASE_KEY=${KEYS.serviceRole}\n`,
        'app/assets/config/prod.env': `SUPABASE_PUBLISHABLE_KEY=${KEYS.publishable}\nADMIN_KEY=${KEYS.secret}\n`,
      },
      findings: [
        {
          file: 'app/.env',
          line: 2,
          messageIncludes:
            '`SUPABASE_KEY` holds a legacy service_role JWT in a file that app/pubspec.yaml lists under `flutter: assets:`, so it is bundled into the app, where anyone can read it.',
        },
        { file: 'app/assets/config/prod.env', line: 2, messageIncludes: '`ADMIN_KEY` holds a secret key in a file that app/pubspec.yaml lists under `flutter: assets:`' },
      ],
    },
    {
      name: "issue 23: a secret read in a mobile app or in the build settings that ship inside it, whatever its prefix",
      files: {
        'app/lib/admin.dart': "const key = String.fromEnvironment('SUPABASE_SERVICE_ROLE_KEY'); // Supabase admin\n",
        'android/app/build.gradle.kts': 'android {\n  defaultConfig {\n    buildConfigField("String", "SUPABASE_SECRET_KEY", "\\"${project.findProperty("SUPABASE_SECRET_KEY")}\\"")\n  }\n}\n',
        'android/app/src/main/java/com/example/Supabase.kt': 'val supabase = createSupabaseClient(BuildConfig.SUPABASE_URL, BuildConfig.SUPABASE_SECRET_KEY) {}\n',
        'ios/App/Info.plist': '<plist version="1.0">\n<dict>\n\t<key>SUPABASE_SECRET_KEY</key>\n\t<string>$(SUPABASE_SECRET_KEY)</string>\n</dict>\n</plist>\n',
      },
      findings: [
        {
          file: 'android/app/build.gradle.kts',
          line: 3,
          messageIncludes:
            "`SUPABASE_SECRET_KEY` (the secret key) is read in an Android app, which ships to users' devices, where anyone can read a key out of it. " +
            'Use the publishable key in the app, do what needs the secret on a server or in an Edge Function, and rotate the key if a release ever included it.',
        },
        { file: 'android/app/src/main/java/com/example/Supabase.kt', line: 1, messageIncludes: '`SUPABASE_SECRET_KEY` (the secret key) is read in an Android app' },
        { file: 'app/lib/admin.dart', line: 1, messageIncludes: '`SUPABASE_SERVICE_ROLE_KEY` (the service_role key) is read in a Flutter app' },
        { file: 'ios/App/Info.plist', line: 3, messageIncludes: '`SUPABASE_SECRET_KEY` (the secret key) is read in an iOS app' },
        { file: 'ios/App/Info.plist', line: 4, messageIncludes: '`SUPABASE_SECRET_KEY` (the secret key) is read in an iOS app' },
      ],
    },
    {
      name: "a GitHub secret whose name has a public prefix, mapped to a server name in a CI job: a warning to rename it, not 'ships to browsers' (a real repo)",
      files: {
        '.github/workflows/train.yml':
          'on: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    env:\n' +
          '      SUPABASE_SERVICE_ROLE_KEY: ${{ secrets.VITE_SUPABASE_SERVICE_ROLE_KEY }}\n    steps:\n      - run: python train.py\n',
      },
      findings: [
        {
          file: '.github/workflows/train.yml',
          line: 6,
          severity: 'warning',
          messageIncludes:
            '`VITE_SUPABASE_SERVICE_ROLE_KEY` names a GitHub secret that holds the service_role key under a public prefix, which ships to browsers only where a build reads it under that name. ' +
            'Store the key with `gh secret set SUPABASE_SECRET_KEY`, use that name here, delete this secret, and rotate the key if a build bundled it.',
        },
      ],
    },
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
            '`VITE_SUPABASE_KEY` holds a legacy service_role JWT under a public name, so it ships to browsers and has leaked. Use a secret key only ' +
            'in server code under a name without the prefix (SUPABASE_SECRET_KEY), then deactivate the legacy keys, move the project to JWT signing ' +
            'keys and revoke the legacy JWT secret (Project Settings → JWT Keys).',
        },
        { line: 2, column: 1, message: `\`NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY\` holds a secret key under a public name, so it ships to browsers. ${ADVICE}` },
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
        { line: 5, column: 79, message: inBrowser('SUPABASE_SECRET_KEY', 'the secret key', "a 'use client' module", NEXT_PLACE, NEXT_HAPPENS) },
        {
          file: 'lib/backup.ts',
          line: 1,
          column: 35,
          message: inBrowser('SUPABASE_SERVICE_ROLE_KEY', 'the service_role key', "imported by `app/admin/page.tsx`, a 'use client' module", NEXT_PLACE, NEXT_HAPPENS),
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
      name: "what happens to a secret read in browser code, in each framework's words",
      files: {
        'astro/package.json': pkg('astro'),
        'astro/src/pages/admin.astro': `---\n---\n<script>\n${SECRET_READ}</script>\n`,
        'cra/package.json': pkg('react-scripts'),
        'cra/src/admin.js': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
        'expo/package.json': pkg('expo'),
        'expo/app/admin.tsx': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
        'gatsby/package.json': pkg('gatsby'),
        'gatsby/src/admin.js': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
        'nuxt/package.json': pkg('nuxt'),
        'nuxt/components/Admin.vue': `<script setup>\n${SECRET_READ}</script>\n`,
        'plain/Admin.vue': `<script setup>\n${SECRET_READ}</script>\n`,
        'remix/package.json': pkg('@remix-run/react'),
        'remix/app/admin.client.ts': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
        'site/package.json': pkg('@sveltejs/kit'),
        'site/src/lib/static.ts': "import { SUPABASE_SECRET_KEY } from '$env/static/private'\nexport const key = SUPABASE_SECRET_KEY\n",
        'site/src/lib/dynamic.ts': "import { env } from '$env/dynamic/private'\nexport const key = env.SUPABASE_SECRET_KEY\n",
        'site/src/lib/meta.ts': SECRET_READ,
        'spa/package.json': pkg('vite'),
        'spa/index.html': '<script type="module" src="/src/main.ts"></script>\n',
        'spa/src/admin.ts': SECRET_READ,
      },
      findings: [
        {
          file: 'astro/src/pages/admin.astro',
          line: 4,
          column: 36,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'a client `<script>` of an `.astro` file',
            'the frontmatter or an endpoint under `src/pages/`',
            'Astro makes only `PUBLIC_` variables available to client-side code, so the browser does not get this one, and the `PUBLIC_` prefix would publish it',
          ),
        },
        {
          file: 'cra/src/admin.js',
          line: 1,
          column: 32,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'Create React App app code',
            'a server or an Edge Function',
            'Create React App embeds only `REACT_APP_` variables (and `NODE_ENV`) in the build and ignores the others, so the browser does not get this one, and the `REACT_APP_` prefix would publish it',
          ),
        },
        {
          file: 'expo/app/admin.tsx',
          line: 1,
          column: 32,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'Expo app code',
            'an API route (`+api.ts`) or an Edge Function',
            'Expo inlines only `EXPO_PUBLIC_` variables into client code, so the app does not get this one, and the `EXPO_PUBLIC_` prefix would publish it',
          ),
        },
        {
          file: 'gatsby/src/admin.js',
          line: 1,
          column: 32,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'Gatsby app code',
            'a Gatsby Function (`src/api/`)',
            'Gatsby exposes only `GATSBY_` variables to browser code, so the browser does not get this one, and the `GATSBY_` prefix would publish it',
          ),
        },
        {
          file: 'nuxt/components/Admin.vue',
          line: 2,
          column: 36,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'a Vue component',
            'a `server/` API route',
            "Nuxt gives browser code only the `public` keys of its runtime config, so the browser does not get this one, and the `NUXT_PUBLIC_` prefix would publish it",
          ),
        },
        {
          file: 'plain/Admin.vue',
          line: 2,
          column: 36,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'a `.vue` component',
            'server code or an Edge Function',
            'bundlers give browser code only variables under a public prefix (`VITE_`, `NEXT_PUBLIC_`, …), so the browser does not get this one, and such a prefix would publish it',
          ),
        },
        {
          file: 'remix/app/admin.client.ts',
          line: 1,
          column: 32,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'a `.client` module',
            'a loader or an action in a `.server` module',
            'Remix keeps env variables on the server and gives the browser only what a loader returns, so the browser does not get this one',
          ),
        },
        {
          file: 'site/src/lib/dynamic.ts',
          line: 2,
          column: 24,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'SvelteKit code outside `.server` files and `$lib/server`',
            'a `+page.server.ts`/`+server.ts` file or `$lib/server/`',
            'SvelteKit refuses to build it ("Cannot import $env/dynamic/private into code that runs in the browser"), since its private env modules can be imported only into server-only modules',
          ),
        },
        {
          file: 'site/src/lib/meta.ts',
          line: 1,
          column: 36,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'SvelteKit code outside `.server` files and `$lib/server`',
            'a `+page.server.ts`/`+server.ts` file or `$lib/server/`',
            'SvelteKit gives browser code only `PUBLIC_` variables (`$env/static/public`, `$env/dynamic/public`), so the browser does not get this one, and the `PUBLIC_` prefix would publish it',
          ),
        },
        {
          file: 'site/src/lib/static.ts',
          line: 1,
          column: 10,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'SvelteKit code outside `.server` files and `$lib/server`',
            'a `+page.server.ts`/`+server.ts` file or `$lib/server/`',
            'SvelteKit refuses to build it ("Cannot import $env/static/private into code that runs in the browser"), since its private env modules can be imported only into server-only modules',
          ),
        },
        {
          file: 'spa/src/admin.ts',
          line: 1,
          column: 36,
          message: inBrowser(
            'SUPABASE_SECRET_KEY',
            'the secret key',
            'Vite app code',
            'a server or an Edge Function',
            'Vite exposes only `VITE_` variables to browser code, so the browser does not get this one, and the `VITE_` prefix would publish it',
          ),
        },
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
