// legacy-env-name and arbitrary prefixes (issue 18, item 3): a name with no prefix, a known env prefix (a framework's
// public prefix, Cloud Build's `_`) or a --map entry is a key name wherever it stands. A longer name that merely ends
// in a legacy name is one only where the repository uses it as an env variable somewhere (an env file's key, a runtime
// read, a CI/compose/Docker env definition, an env type); then it is renamed at every site (SPEC §2), else nowhere.
import { ruleTester } from '../helpers/rule-tester.js';

const rename = (from: string, to: string) => `\`${from}\` is a legacy key name: rename it to \`${to}\``;

ruleTester('legacy-env-name', {
  valid: [
    {
      name: 'error codes, constants and messages that end in a legacy name, with no env use of them anywhere',
      files: {
        'src/errors.ts':
          "export const MISSING_SUPABASE_ANON_KEY = 'MISSING_SUPABASE_ANON_KEY'\n" +
          "export const codes = { INVALID_SUPABASE_SERVICE_ROLE_KEY: 'invalid', missing: MISSING_SUPABASE_ANON_KEY }\n" +
          '// ERR_SUPABASE_SERVICE_KEY: never thrown any more\n' +
          "throw new AppError('ERR_SUPABASE_SERVICE_KEY')\n",
        'docs/errors.md': '| code | meaning |\n|---|---|\n| `MISSING_SUPABASE_ANON_KEY` | the app was built without a key |\n',
        'locales/en.yml': 'errors:\n  MISSING_SUPABASE_ANON_KEY: The app was built without a key\n',
      },
    },
  ],
  invalid: [
    {
      name: 'an error code beside a known prefix: the env read moves, the code stays',
      files: {
        'src/client.ts':
          "if (!import.meta.env.VITE_SUPABASE_ANON_KEY) throw new AppError('MISSING_SUPABASE_ANON_KEY')\n" +
          "const key = Deno.env.get('_SUPABASE_SERVICE_ROLE_KEY') ?? 'ERR_NEXT_PUBLIC_SUPABASE_ANON_KEY'\n",
      },
      findings: [
        { line: 1, column: 22, message: rename('VITE_SUPABASE_ANON_KEY', 'VITE_SUPABASE_PUBLISHABLE_KEY'), fixable: true },
        { line: 2, column: 27, message: rename('_SUPABASE_SERVICE_ROLE_KEY', '_SUPABASE_SECRET_KEY'), fixable: true },
      ],
      output: {
        'src/client.ts':
          "if (!import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY) throw new AppError('MISSING_SUPABASE_ANON_KEY')\n" +
          "const key = Deno.env.get('_SUPABASE_SECRET_KEY') ?? 'ERR_NEXT_PUBLIC_SUPABASE_ANON_KEY'\n",
      },
    },
    {
      name: 'an unknown prefix that an env file defines is an env name: its strings and docs move with it',
      files: {
        '.env.staging': 'STAGING_SUPABASE_ANON_KEY=x\n',
        'src/config.ts': "export const key = getConfig('STAGING_SUPABASE_ANON_KEY')\n",
        'README.md': 'Set `STAGING_SUPABASE_ANON_KEY` for the staging build.\n',
      },
      findings: [
        { file: '.env.staging', line: 1, fixable: true },
        { file: 'README.md', line: 1, fixable: true },
        { file: 'src/config.ts', line: 1, message: rename('STAGING_SUPABASE_ANON_KEY', 'STAGING_SUPABASE_PUBLISHABLE_KEY'), fixable: true },
      ],
      output: {
        '.env.staging': 'STAGING_SUPABASE_PUBLISHABLE_KEY=x\n',
        'src/config.ts': "export const key = getConfig('STAGING_SUPABASE_PUBLISHABLE_KEY')\n",
        'README.md': 'Set `STAGING_SUPABASE_PUBLISHABLE_KEY` for the staging build.\n',
      },
    },
    {
      name: 'an unknown prefix read from the runtime, in code and in Python, is an env name everywhere',
      files: {
        'src/admin.ts': 'export const key = process.env.STAGING_SUPABASE_SERVICE_ROLE_KEY\n',
        'src/check.ts': "console.error('STAGING_SUPABASE_SERVICE_ROLE_KEY is missing')\n",
        'worker/main.py': 'import os\nkey = os.environ["PROD_SUPABASE_SERVICE_KEY"]\n',
        'worker/README.md': 'Needs PROD_SUPABASE_SERVICE_KEY.\n',
      },
      findings: [
        { file: 'src/admin.ts', line: 1, fixable: true },
        { file: 'src/check.ts', line: 1, fixable: true },
        { file: 'worker/README.md', line: 1, fixable: true },
        { file: 'worker/main.py', line: 2, fixable: true },
      ],
      output: {
        'src/admin.ts': 'export const key = process.env.STAGING_SUPABASE_SECRET_KEY\n',
        'src/check.ts': "console.error('STAGING_SUPABASE_SECRET_KEY is missing')\n",
        'worker/main.py': 'import os\nkey = os.environ["PROD_SUPABASE_SECRET_KEY"]\n',
        'worker/README.md': 'Needs PROD_SUPABASE_SECRET_KEY.\n',
      },
    },
    {
      name: 'CI, compose, Docker and shell env definitions make an unknown prefix an env name',
      files: {
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          PROD_SUPABASE_ANON_KEY: ${{ secrets.PROD_SUPABASE_ANON_KEY }}\n',
        Dockerfile: 'FROM node:20\nARG BUILD_SUPABASE_ANON_KEY\nRUN npm run build\n',
        'deploy.sh': '#!/bin/sh\necho "deploying with $DEPLOY_SUPABASE_SERVICE_KEY"\n',
      },
      findings: [
        // Issue 27 item 3: the env key and the secret it reads are one problem (the secret's place is in `related`).
        { file: '.github/workflows/deploy.yml', line: 8, column: 11, fixable: true },
        { file: 'Dockerfile', line: 2, fixable: true },
        { file: 'deploy.sh', line: 2, fixable: true },
      ],
      output: {
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          PROD_SUPABASE_PUBLISHABLE_KEY: ${{ secrets.PROD_SUPABASE_PUBLISHABLE_KEY }}\n',
        Dockerfile: 'FROM node:20\nARG BUILD_SUPABASE_PUBLISHABLE_KEY\nRUN npm run build\n',
        'deploy.sh': '#!/bin/sh\necho "deploying with $DEPLOY_SUPABASE_SECRET_KEY"\n',
      },
    },
    {
      name: 'an env type declares an unknown prefix as an env name',
      files: {
        'src/env.d.ts': 'declare namespace NodeJS {\n  interface ProcessEnv {\n    readonly LOCAL_SUPABASE_ANON_KEY?: string\n  }\n}\n',
        'src/errors.ts': "export const message = 'LOCAL_SUPABASE_ANON_KEY is not set'\n",
      },
      findings: [
        { file: 'src/env.d.ts', line: 3, fixable: true },
        { file: 'src/errors.ts', line: 1, fixable: true },
      ],
      output: {
        'src/env.d.ts': 'declare namespace NodeJS {\n  interface ProcessEnv {\n    readonly LOCAL_SUPABASE_PUBLISHABLE_KEY?: string\n  }\n}\n',
        'src/errors.ts': "export const message = 'LOCAL_SUPABASE_PUBLISHABLE_KEY is not set'\n",
      },
    },
    {
      name: 'an env schema (t3-env) declares an unknown prefix as an env name; an object of error codes does not',
      files: {
        'src/env.ts':
          'export const env = createEnv({\n  server: {\n    QA_SUPABASE_SERVICE_ROLE_KEY: z.string(),\n  },\n})\n' +
          "export const errors = { NO_SUPABASE_SERVICE_ROLE_KEY: 'the server has no key' }\n",
      },
      findings: [{ line: 3, message: rename('QA_SUPABASE_SERVICE_ROLE_KEY', 'QA_SUPABASE_SECRET_KEY'), fixable: true }],
      output: {
        'src/env.ts':
          'export const env = createEnv({\n  server: {\n    QA_SUPABASE_SECRET_KEY: z.string(),\n  },\n})\n' +
          "export const errors = { NO_SUPABASE_SERVICE_ROLE_KEY: 'the server has no key' }\n",
      },
    },
    {
      name: 'a --map entry is a key name wherever it stands, even in a plain string',
      files: { 'src/labels.ts': "export const label = 'MY_SUPABASE_ANON_KEY'\n" },
      map: { MY_SUPABASE_ANON_KEY: 'MY_SUPABASE_PUBLISHABLE_KEY' },
      findings: [{ line: 1, message: rename('MY_SUPABASE_ANON_KEY', 'MY_SUPABASE_PUBLISHABLE_KEY'), fixable: true }],
      output: { 'src/labels.ts': "export const label = 'MY_SUPABASE_PUBLISHABLE_KEY'\n" },
    },
  ],
});
