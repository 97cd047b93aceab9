// legacy-env-name and a monorepo's shared env template (issue 18, item 6): `apps/web` keeps NEXT_PUBLIC_SUPABASE_ANON_KEY
// (auth-helpers called without a key read it themselves), so an env file in a folder above it, which its developers copy,
// keeps the legacy line too, and gains the new name's line beside it for the packages that moved on, with a finding.
import { KEYS, ruleTester, SUPPLIED } from '../helpers/rule-tester.js';

const AUTH_HELPERS = '{ "dependencies": { "@supabase/auth-helpers-nextjs": "^0.10.0", "next": "^15.0.0" } }\n';
const WEB_CLIENT = "import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\nexport const supabase = createClientComponentClient()\n";

ruleTester('legacy-env-name', {
  valid: [
    {
      name: 'an env file above the package that holds no legacy name gains none',
      files: {
        '.env.example': 'NEXT_PUBLIC_SUPABASE_URL=\nNEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=\n',
        'apps/web/package.json': AUTH_HELPERS,
        'apps/web/lib/client.ts': WEB_CLIENT,
      },
    },
  ],
  invalid: [
    {
      name: 'a root .env.example above a package that keeps the name keeps its line and gains the new one; its own package and the others move',
      files: {
        'package.json': '{ "private": true, "workspaces": ["apps/*"] }\n',
        '.env.example':
          '# copy to apps/web/.env.local and apps/admin/.env.local\nNEXT_PUBLIC_SUPABASE_URL=\nNEXT_PUBLIC_SUPABASE_ANON_KEY=\nSUPABASE_SERVICE_ROLE_KEY=\n',
        'apps/web/package.json': AUTH_HELPERS,
        'apps/web/lib/client.ts': WEB_CLIENT,
        'apps/admin/package.json': '{ "dependencies": { "@supabase/ssr": "^0.7.0", "next": "^15.0.0" } }\n',
        'apps/admin/lib/client.ts': 'export const key = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!\n',
        'apps/admin/.env.example': 'NEXT_PUBLIC_SUPABASE_ANON_KEY=\n',
      },
      findings: [
        {
          file: '.env.example',
          line: 3,
          messageIncludes: '`NEXT_PUBLIC_SUPABASE_ANON_KEY` is a legacy key name, kept in this env file, which serves the package `apps/web`',
          fixable: true,
        },
        { file: '.env.example', line: 4, fixable: true },
        { file: 'apps/admin/.env.example', line: 1, fixable: true },
        { file: 'apps/admin/lib/client.ts', line: 1, fixable: true },
      ],
      output: {
        '.env.example':
          '# copy to apps/web/.env.local and apps/admin/.env.local\nNEXT_PUBLIC_SUPABASE_URL=\nNEXT_PUBLIC_SUPABASE_ANON_KEY=\n' +
          'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=\nSUPABASE_SECRET_KEY=\n',
        'apps/admin/.env.example': 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=\n',
        'apps/admin/lib/client.ts': 'export const key = process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY!\n',
      },
    },
    {
      name: 'a real env file above it: the new line takes the supplied key where the legacy line holds a legacy JWT',
      files: {
        '.env.local': `NEXT_PUBLIC_SUPABASE_ANON_KEY="${KEYS.anon}"\n`,
        'apps/web/package.json': AUTH_HELPERS,
        'apps/web/lib/client.ts': WEB_CLIENT,
      },
      supplied: SUPPLIED,
      findings: [{ line: 1, messageIncludes: 'a line under `NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY` holding the publishable key supplied is added beside it', fixable: true }],
      output: { '.env.local': `NEXT_PUBLIC_SUPABASE_ANON_KEY="${KEYS.anon}"\nNEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY="${KEYS.publishable}"\n` },
    },
    {
      name: 'a shared template that already has both lines keeps them, with a finding and nothing to fix',
      files: {
        '.env.example': 'NEXT_PUBLIC_SUPABASE_ANON_KEY=\nNEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=\n',
        'apps/web/package.json': AUTH_HELPERS,
        'apps/web/lib/client.ts': WEB_CLIENT,
      },
      findings: [
        {
          file: '.env.example',
          line: 1,
          messageIncludes: 'kept in this env file, which serves the package `apps/web`',
          fixable: false,
        },
      ],
    },
  ],
});
