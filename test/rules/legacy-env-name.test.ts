// legacy-env-name: a legacy key name, renamed at every site that can be edited (docs/rules/legacy-env-name.md).
import { KEYS, ruleTester, SUPPLIED } from '../helpers/rule-tester.js';

const rename = (from: string, to: string) => `\`${from}\` is a legacy key name: rename it to \`${to}\``;

ruleTester('legacy-env-name', {
  valid: [
    {
      name: 'new names and look-alikes: a longer name, a `$` in the identifier, a name that only ends like one',
      files: {
        'src/config.ts':
          'export const a = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n' +
          'export const b = process.env.VITE_SUPABASE_ANON_KEYS\n' +
          'export const c = process.env.SUPABASE_KEY\n' +
          'export const d = foo$SUPABASE_ANON_KEY\n',
      },
    },
    {
      name: "names other rules own: an Edge Function's runtime read, SQL, a service_role name behind a public prefix",
      files: {
        'supabase/functions/hello/index.ts': "const key = Deno.env.get('SUPABASE_ANON_KEY')\n",
        'supabase/migrations/20240101000000_init.sql': '-- needs SUPABASE_SERVICE_ROLE_KEY\n',
        'supabase/seed.sql': "select 'SUPABASE_ANON_KEY';\n",
        '.env': 'NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=\n',
      },
    },
    {
      name: 'a site silenced by a migrate-keys-ignore comment on the line above',
      files: { 'src/legacy.ts': '// migrate-keys-ignore legacy-env-name: the old SDK reads it\nexport const key = process.env.SUPABASE_ANON_KEY\n' },
    },
  ],
  invalid: [
    {
      name: 'an env read in app code',
      files: {
        'src/lib/supabase.ts':
          "import { createClient } from '@supabase/supabase-js'\n\n" +
          'export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)\n',
      },
      findings: [{ line: 3, column: 89, message: rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'), fixable: true }],
      output: {
        'src/lib/supabase.ts':
          "import { createClient } from '@supabase/supabase-js'\n\n" +
          'export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY)\n',
      },
    },
    {
      name: 'a .env file: keys renamed, values, quotes, `export`, comments and CRLF kept; a legacy line beside its new name goes',
      files: {
        '.env.local':
          '# keys\r\n' +
          'export VITE_SUPABASE_ANON_KEY="public" # the browser one\r\n' +
          'SUPABASE_SERVICE_ROLE_KEY=old\r\n' +
          'SUPABASE_SECRET_KEY=new\r\n',
      },
      findings: [
        { line: 2, column: 8, message: rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        {
          line: 3,
          column: 1,
          message: `${rename('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY')}; its new name is already here, so this legacy line goes`,
          fixable: true,
        },
      ],
      output: { '.env.local': '# keys\r\nexport VITE_SUPABASE_PUBLISHABLE_KEY="public" # the browser one\r\nSUPABASE_SECRET_KEY=new\r\n' },
    },
    {
      name: 'every site of the repository at once: a declaration, destructuring, a fallback, .env, a workflow, an Edge Function test',
      files: {
        'src/env.d.ts': 'interface ImportMetaEnv {\n  readonly VITE_SUPABASE_ANON_KEY: string\n}\n',
        'src/a.ts': "const { VITE_SUPABASE_ANON_KEY: key = '' } = import.meta.env\n",
        // What a --transitional run left: the plain run collapses it to the new name.
        'src/b.ts': 'export const k = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY ?? import.meta.env.VITE_SUPABASE_ANON_KEY\n',
        '.env': 'VITE_SUPABASE_ANON_KEY=x\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      SUPABASE_SERVICE_ROLE_KEY: ${{ secrets.SUPABASE_SERVICE_ROLE_KEY }}\n    steps:\n      - run: npm test\n',
        // Tests run outside the Edge runtime and load their own env: the plain rename.
        'supabase/functions/hello/index.test.ts': "const key = Deno.env.get('SUPABASE_ANON_KEY')\n",
      },
      findings: [
        { file: '.env', line: 1, column: 1, fixable: true },
        // Issue 27 item 3: the env key and the secret it reads are one problem (the secret's place is in `related`).
        { file: '.github/workflows/ci.yml', line: 6, column: 7, fixable: true },
        { file: 'src/a.ts', line: 1, column: 9, fixable: true },
        { file: 'src/b.ts', line: 1, column: 83, fixable: true },
        { file: 'src/env.d.ts', line: 2, column: 12, fixable: true },
        { file: 'supabase/functions/hello/index.test.ts', line: 1, column: 27, message: rename('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEY'), fixable: true },
      ],
      output: {
        'src/env.d.ts': 'interface ImportMetaEnv {\n  readonly VITE_SUPABASE_PUBLISHABLE_KEY: string\n}\n',
        'src/a.ts': "const { VITE_SUPABASE_PUBLISHABLE_KEY: key = '' } = import.meta.env\n",
        'src/b.ts': 'export const k = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n',
        '.env': 'VITE_SUPABASE_PUBLISHABLE_KEY=x\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      SUPABASE_SECRET_KEY: ${{ secrets.SUPABASE_SECRET_KEY }}\n    steps:\n      - run: npm test\n',
        'supabase/functions/hello/index.test.ts': "const key = Deno.env.get('SUPABASE_PUBLISHABLE_KEY')\n",
      },
    },
    {
      name: 'two legacy names of one new name with different values: the canonical one moves, the alias stays there only',
      files: {
        '.env': 'SUPABASE_SERVICE_ROLE_KEY=a\nSUPABASE_SERVICE_KEY=b\n',
        'src/admin.ts': 'export const key = process.env.SUPABASE_SERVICE_KEY\n',
      },
      findings: [
        { line: 1, message: '`SUPABASE_SERVICE_ROLE_KEY` is a legacy key name: rename it to `SUPABASE_SECRET_KEY`', fixable: true },
        {
          line: 2,
          message:
            '`SUPABASE_SERVICE_KEY` is a legacy key name, not renamed: `SUPABASE_SERVICE_ROLE_KEY` on line 1 becomes `SUPABASE_SECRET_KEY` too, ' +
            'and this line holds another value: keep the right one under `SUPABASE_SECRET_KEY` and remove this line',
          fixable: false,
        },
        { file: 'src/admin.ts', line: 1, message: '`SUPABASE_SERVICE_KEY` is a legacy key name: rename it to `SUPABASE_SECRET_KEY`', fixable: true },
      ],
      output: {
        '.env': 'SUPABASE_SECRET_KEY=a\nSUPABASE_SERVICE_KEY=b\n',
        'src/admin.ts': 'export const key = process.env.SUPABASE_SECRET_KEY\n',
      },
    },
    {
      name: 'places that are reported but never edited: an applied migration, text inside a .env value, a file that does not parse',
      files: {
        'supabase/migrations/README.md': 'The trigger reads SUPABASE_SERVICE_ROLE_KEY.\n',
        '.env': 'NOTE="set VITE_SUPABASE_ANON_KEY first"\n',
        'src/broken.ts': 'export const key = process.env.VITE_SUPABASE_ANON_KEY (\n',
      },
      findings: [
        {
          file: '.env',
          line: 1,
          column: 11,
          message:
            '`VITE_SUPABASE_ANON_KEY` is a legacy key name inside a value, where text is not renamed: rename it to `VITE_SUPABASE_PUBLISHABLE_KEY` if this value names a variable',
          fixable: false,
        },
        {
          file: 'src/broken.ts',
          line: 1,
          message: '`VITE_SUPABASE_ANON_KEY` is a legacy key name, not renamed since the file could not be parsed: rename it to `VITE_SUPABASE_PUBLISHABLE_KEY`',
          fixable: false,
        },
        {
          file: 'supabase/migrations/README.md',
          line: 1,
          message:
            '`SUPABASE_SERVICE_ROLE_KEY` is a legacy key name in a migration; applied migrations are history and are not edited: rename it to `SUPABASE_SECRET_KEY` in a new migration',
          fixable: false,
        },
      ],
    },
    {
      name: 'a YAML file that does not parse (a Helm template, an unbalanced quote) is renamed as text, collisions included',
      files: {
        'charts/web/templates/deployment.yaml':
          'env:\n' +
          '  - name: VITE_SUPABASE_ANON_KEY\n' +
          '    value: {{ .Values.anonKey | quote }}\n' +
          '{{- if .Values.admin }}\n' +
          '  - name: SUPABASE_SERVICE_ROLE_KEY\n' +
          '{{- end }}\n',
        'docker-compose.yml':
          'services:\n' +
          '  api:\n' +
          '    environment:\n' +
          '      SUPABASE_SERVICE_ROLE_KEY: ${SUPABASE_SERVICE_ROLE_KEY}\n' +
          '      SUPABASE_SERVICE_KEY: ${SUPABASE_SERVICE_ROLE_KEY}\n' +
          `    command: "sh -c 'npm ci && npm start'\n`,
      },
      findings: [
        { line: 2, column: 11, message: rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { line: 5, column: 11, message: rename('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY'), fixable: true },
        // Issue 27 item 3: `X: ${X}` on one line is one problem (column 36 is in `related`).
        { file: 'docker-compose.yml', line: 4, column: 7, message: rename('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY'), fixable: true },
        // The alias shares the mapping with the canonical name: it keeps its name there (SPEC §2), parsed or not.
        { file: 'docker-compose.yml', line: 5, column: 7, messageIncludes: '`SUPABASE_SERVICE_ROLE_KEY` on line 4 becomes `SUPABASE_SECRET_KEY` too', fixable: false },
        { file: 'docker-compose.yml', line: 5, column: 31, message: rename('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY'), fixable: true },
      ],
      output: {
        'charts/web/templates/deployment.yaml':
          'env:\n' +
          '  - name: VITE_SUPABASE_PUBLISHABLE_KEY\n' +
          '    value: {{ .Values.anonKey | quote }}\n' +
          '{{- if .Values.admin }}\n' +
          '  - name: SUPABASE_SECRET_KEY\n' +
          '{{- end }}\n',
        'docker-compose.yml':
          'services:\n' +
          '  api:\n' +
          '    environment:\n' +
          '      SUPABASE_SECRET_KEY: ${SUPABASE_SECRET_KEY}\n' +
          '      SUPABASE_SERVICE_KEY: ${SUPABASE_SECRET_KEY}\n' +
          `    command: "sh -c 'npm ci && npm start'\n`,
      },
    },
    {
      name: '--transitional: a read falls back to the legacy name; a .env line gains the supplied key after it',
      files: {
        'src/admin.ts': "export const key = process.env.SUPABASE_SERVICE_ROLE_KEY || ''\n",
        '.env': `SUPABASE_SERVICE_ROLE_KEY=${KEYS.serviceRole}\n`,
        'src/env.d.ts': 'declare namespace NodeJS {\n  interface ProcessEnv {\n    SUPABASE_SERVICE_ROLE_KEY: string\n  }\n}\n',
      },
      options: { transitional: true, supplied: SUPPLIED },
      findings: [
        { file: '.env', line: 1, message: rename('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY'), fixable: true },
        {
          file: 'src/admin.ts',
          line: 1,
          message: `${rename('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY')}; for now it reads the new name first and falls back to the legacy one`,
          fixable: true,
        },
        // A declaration gains the new member beside the legacy one (issue 26), which the plain run removes.
        { file: 'src/env.d.ts', line: 3, fixable: true },
      ],
      output: {
        'src/admin.ts': "export const key = (process.env.SUPABASE_SECRET_KEY ?? process.env.SUPABASE_SERVICE_ROLE_KEY) || ''\n",
        '.env': `SUPABASE_SERVICE_ROLE_KEY=${KEYS.serviceRole}\nSUPABASE_SECRET_KEY=${KEYS.secret}\n`,
        'src/env.d.ts': 'declare namespace NodeJS {\n  interface ProcessEnv {\n    SUPABASE_SECRET_KEY?: string\n    SUPABASE_SERVICE_ROLE_KEY: string\n  }\n}\n',
      },
    },
    {
      name: "self-hosted Supabase's containers read the legacy names themselves: their environment keys and the gateway's declarative config keep them",
      files: {
        'docker/docker-compose.yml':
          'services:\n' +
          '  studio:\n' +
          '    image: supabase/studio:2026.02.16-sha-26c615c\n' +
          '    environment:\n' +
          '      SUPABASE_ANON_KEY: ${SUPABASE_ANON_KEY}\n' +
          '      SUPABASE_SERVICE_KEY: ${SERVICE_ROLE_KEY}\n' +
          '  kong:\n' +
          '    image: docker.io/library/kong:2.8.1\n' +
          '    environment:\n' +
          '      KONG_DECLARATIVE_CONFIG: /home/kong/kong.yml\n' +
          '      SUPABASE_SERVICE_KEY: ${SERVICE_ROLE_KEY}\n' +
          '  functions:\n' +
          '    image: supabase/edge-runtime:v1.70.3\n' +
          '    environment:\n' +
          '      - "SUPABASE_SERVICE_ROLE_KEY=${SERVICE_ROLE_KEY}"\n' +
          '  app:\n' +
          '    image: node:20\n' +
          '    environment:\n' +
          '      SUPABASE_SERVICE_ROLE_KEY: ${SERVICE_ROLE_KEY}\n',
        'docker/volumes/api/kong.yml':
          "_format_version: '2.1'\n" + 'consumers:\n' + '  - username: anon\n' + '    keyauth_credentials:\n' + '      - key: $SUPABASE_ANON_KEY\n',
      },
      findings: [
        { file: 'docker/docker-compose.yml', line: 5, column: 7, messageIncludes: 'the `studio` service (supabase/studio) reads `SUPABASE_ANON_KEY` itself', fixable: false },
        { file: 'docker/docker-compose.yml', line: 5, column: 28, message: rename('SUPABASE_ANON_KEY', 'SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { file: 'docker/docker-compose.yml', line: 6, column: 7, messageIncludes: 'the `studio` service (supabase/studio) reads `SUPABASE_SERVICE_KEY` itself', fixable: false },
        { file: 'docker/docker-compose.yml', line: 11, column: 7, messageIncludes: 'the `kong` service (kong) reads `SUPABASE_SERVICE_KEY` itself', fixable: false },
        { file: 'docker/docker-compose.yml', line: 15, column: 10, messageIncludes: 'the `functions` service (supabase/edge-runtime) reads `SUPABASE_SERVICE_ROLE_KEY` itself', fixable: false },
        { file: 'docker/docker-compose.yml', line: 19, column: 7, message: rename('SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY'), fixable: true },
        { file: 'docker/volumes/api/kong.yml', line: 5, column: 15, messageIncludes: "Kong's declarative config", fixable: false },
      ],
      output: {
        'docker/docker-compose.yml':
          'services:\n' +
          '  studio:\n' +
          '    image: supabase/studio:2026.02.16-sha-26c615c\n' +
          '    environment:\n' +
          '      SUPABASE_ANON_KEY: ${SUPABASE_PUBLISHABLE_KEY}\n' +
          '      SUPABASE_SERVICE_KEY: ${SERVICE_ROLE_KEY}\n' +
          '  kong:\n' +
          '    image: docker.io/library/kong:2.8.1\n' +
          '    environment:\n' +
          '      KONG_DECLARATIVE_CONFIG: /home/kong/kong.yml\n' +
          '      SUPABASE_SERVICE_KEY: ${SERVICE_ROLE_KEY}\n' +
          '  functions:\n' +
          '    image: supabase/edge-runtime:v1.70.3\n' +
          '    environment:\n' +
          '      - "SUPABASE_SERVICE_ROLE_KEY=${SERVICE_ROLE_KEY}"\n' +
          '  app:\n' +
          '    image: node:20\n' +
          '    environment:\n' +
          '      SUPABASE_SECRET_KEY: ${SERVICE_ROLE_KEY}\n',
      },
    },
    {
      name: '--map: a name of your own, renamed like a legacy one',
      files: { 'src/config.ts': 'export const key = process.env.MY_ANON\n' },
      options: { map: { MY_ANON: 'MY_PUBLISHABLE' } },
      findings: [{ line: 1, column: 32, message: rename('MY_ANON', 'MY_PUBLISHABLE'), fixable: true }],
      output: { 'src/config.ts': 'export const key = process.env.MY_PUBLISHABLE\n' },
    },
  ],
});
