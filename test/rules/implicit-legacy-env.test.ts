// implicit-legacy-env: @supabase/auth-helpers-nextjs helpers called without supabaseKey read
// NEXT_PUBLIC_SUPABASE_ANON_KEY themselves, so the name is kept in their package. Only reported, never fixed.
import { ruleTester } from '../helpers/rule-tester.js';

const PACKAGE = { 'package.json': '{ "dependencies": { "@supabase/auth-helpers-nextjs": "^0.10.0", "next": "^15.0.0" } }\n' };
const message = (helper: string, where = 'this package') =>
  `\`${helper}()\` is called without supabaseKey, so @supabase/auth-helpers-nextjs reads \`NEXT_PUBLIC_SUPABASE_ANON_KEY\` itself: ` +
  `the name is kept in ${where}. Move to @supabase/ssr (createBrowserClient/createServerClient with ` +
  '`NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY`) or pass supabaseKey explicitly; until then store the publishable key under the legacy name';

ruleTester('implicit-legacy-env', {
  valid: [
    {
      name: 'supabaseKey passed in the options, or through a local options object',
      files: {
        ...PACKAGE,
        'lib/server.ts':
          "import { createServerComponentClient, createClientComponentClient } from '@supabase/auth-helpers-nextjs'\nimport { cookies } from 'next/headers'\n" +
          'export const server = () => createServerComponentClient({ cookies }, { supabaseUrl: process.env.NEXT_PUBLIC_SUPABASE_URL, supabaseKey: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY })\n' +
          'const options = { supabaseUrl: process.env.NEXT_PUBLIC_SUPABASE_URL, supabaseKey: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY }\n' +
          'export const client = createClientComponentClient(options)\n',
      },
    },
    {
      name: '@supabase/ssr, and a helper of the same name from another package',
      files: {
        'lib/client.ts':
          "import { createBrowserClient } from '@supabase/ssr'\nimport { createClientComponentClient } from './local-helpers'\n" +
          'export const a = createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY!)\nexport const b = createClientComponentClient()\n',
      },
    },
    {
      name: 'a type-only import calls nothing; the React helpers read no env name',
      files: {
        ...PACKAGE,
        'lib/types.ts': "import type { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\nexport type Client = ReturnType<typeof createClientComponentClient>\n",
        'lib/react.ts': "import { createClientComponentClient } from '@supabase/auth-helpers-react'\nexport const a = createClientComponentClient()\n",
      },
    },
    {
      // Known: the options are judged by their text, so a comment that mentions supabaseKey counts as passing it.
      name: 'a comment naming supabaseKey inside the options',
      files: { ...PACKAGE, 'lib/a.ts': "import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\nexport const a = createClientComponentClient({ /* TODO: supabaseKey */ })\n" },
    },
    {
      // Known: only ES imports are followed; a CommonJS require of the helpers is not seen.
      name: 'helpers taken with require()',
      files: { ...PACKAGE, 'lib/a.js': "const { createClientComponentClient } = require('@supabase/auth-helpers-nextjs')\nexports.a = createClientComponentClient()\n" },
    },
  ],
  invalid: [
    {
      name: 'a client component client (docs example)',
      files: {
        'lib/supabase/client.ts': "'use client'\nimport { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\n\nexport const supabase = createClientComponentClient()\n",
        ...PACKAGE,
      },
      findings: [{ line: 4, column: 25, severity: 'error', fixable: false, message: message('createClientComponentClient') }],
    },
    {
      name: 'server helpers take the key in their second argument; aliases and namespace imports count',
      files: {
        'lib/server.ts':
          "import { createRouteHandlerClient, createMiddlewareClient as middleware } from '@supabase/auth-helpers-nextjs'\n" +
          "import * as helpers from '@supabase/auth-helpers-nextjs'\nimport { cookies } from 'next/headers'\n" +
          "export const route = () => createRouteHandlerClient({ cookies, supabaseKey: 'in the wrong argument' } as never)\n" +
          'export const mw = (req: Request, res: Response) => middleware({ req, res })\n' +
          'export const pages = () => helpers.createPagesBrowserClient()\n',
        ...PACKAGE,
      },
      findings: [
        { line: 4, column: 28, message: message('createRouteHandlerClient') },
        { line: 5, column: 52, message: message('createMiddlewareClient') },
        { line: 6, column: 28, message: message('createPagesBrowserClient') },
      ],
    },
    {
      name: 'options the module does not show (a parameter) give no key',
      files: { ...PACKAGE, 'lib/a.ts': "import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\nexport const make = (options: never) => createClientComponentClient(options)\n" },
      findings: [{ file: 'lib/a.ts', line: 2, message: message('createClientComponentClient') }],
    },
    {
      name: 'in a monorepo the message names the package; the name is kept there, renamed elsewhere',
      files: {
        'apps/web/lib/client.ts': "import { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\nexport const supabase = createClientComponentClient()\n",
        'apps/web/package.json': PACKAGE['package.json'],
        'apps/web/.env': 'NEXT_PUBLIC_SUPABASE_ANON_KEY=your-anon-key\n',
        'apps/admin/package.json': '{ "dependencies": { "@supabase/ssr": "^0.7.0" } }\n',
        'apps/admin/.env': 'NEXT_PUBLIC_SUPABASE_ANON_KEY=your-anon-key\n',
      },
      allRules: true,
      findings: [{ line: 2, column: 25, message: message('createClientComponentClient', 'the package `apps/web`') }],
      // legacy-env-name renames the name in the other package only.
      output: { 'apps/admin/.env': 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=your-anon-key\n', 'apps/web/.env': 'NEXT_PUBLIC_SUPABASE_ANON_KEY=your-anon-key\n' },
    },
    {
      name: 'the script of a component file',
      files: { 'src/App.vue': "<script setup lang=\"ts\">\nimport { createClientComponentClient } from '@supabase/auth-helpers-nextjs'\nconst supabase = createClientComponentClient()\n</script>\n<template><div /></template>\n" },
      findings: [{ line: 3, column: 18, message: message('createClientComponentClient') }],
    },
  ],
});
