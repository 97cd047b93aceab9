// parse-error: a file that could not be parsed or read is left as it is, and the run goes on (docs/rules/parse-error.md).
import { ruleTester } from '../helpers/rule-tester.js';

const unparsed = (why: string) => `could not be parsed (${why}), so it was not changed: fix the syntax and run migrate-keys again`;
const latin1 = (text: string) => Buffer.from(text, 'latin1');

ruleTester('parse-error', {
  valid: [
    {
      name: 'files that parse, in code, markup and YAML',
      files: {
        'src/config.ts': 'export const key = import.meta.env.VITE_SUPABASE_ANON_KEY\n',
        'src/App.vue': '<script setup lang="ts">\nconst key = import.meta.env.VITE_SUPABASE_ANON_KEY\n</script>\n<template><p>{{ key }}</p></template>\n',
        '.github/workflows/ci.yml': 'on: push\nenv:\n  SUPABASE_ANON_KEY: ${{ secrets.SUPABASE_ANON_KEY }}\n',
      },
    },
    {
      name: 'a syntax error in a file with no legacy name, which no fix would change',
      files: {
        'src/util.ts': 'export const a = (\n',
        // bearer-api-key reads it, but without --unsafe its fix would not apply: nothing was held back.
        'src/client.ts': 'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\nfetch(url, { headers: { Authorization: `Bearer ${key}` } }) (\n',
      },
      options: { allRules: true },
    },
    {
      name: 'files the tool does not parse: a .env line dotenv reads leniently, Python, a non-UTF-8 file that names nothing',
      files: {
        '.env': 'VITE_SUPABASE_ANON_KEY="unterminated\n',
        'app/settings.py': 'key = os.environ["SUPABASE_ANON_KEY"\n',
        'src/legacy.ts': latin1('// caf\xe9\nexport const a = 1\n'),
      },
    },
    {
      name: 'a supabase/config.toml that is not valid TOML',
      // Known: no rule reports it; edge-function-verify-jwt skips the project, so its functions go unwarned.
      files: { 'supabase/config.toml': '[functions.hello\nverify_jwt = true\n', 'supabase/functions/hello/index.ts': "Deno.serve(() => new Response('ok'))\n" },
    },
  ],
  invalid: [
    {
      name: 'a syntax error in a file with a legacy name, reported where the parser stopped, not where the name is',
      files: {
        'src/config.ts': 'export const key = import.meta.env.VITE_SUPABASE_ANON_KEY (\n',
        'src/later.ts': "export const key = import.meta.env.VITE_SUPABASE_ANON_KEY\nif (key {\n  console.log('set')\n}\n",
      },
      findings: [
        // At the end of the file, where the parser ran out.
        { line: 2, column: 1, message: unparsed("')' expected."), fixable: false },
        { file: 'src/later.ts', line: 2, column: 9, message: unparsed("')' expected."), fixable: false },
      ],
    },
    {
      // A file is parsed for errors at the scan only when it holds a legacy name; a rule that reads it (bearer-api-key)
      // may still find it does not parse: then no rule's fix is applied there, and parse-error says why.
      name: 'a syntax error in a file with no legacy name, where another rule would fix something',
      files: {
        'src/client.ts': 'const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\nfetch(url, { headers: { Authorization: `Bearer ${key}` } }) (\n',
      },
      options: { allRules: true, unsafe: true },
      findings: [{ line: 3, column: 1, message: unparsed("')' expected."), fixable: false }],
    },
    {
      name: 'JSX in a .ts file, which only .tsx allows',
      files: { 'src/banner.ts': 'export const banner = <p>{import.meta.env.VITE_SUPABASE_ANON_KEY}</p>\n', 'src/banner.tsx': 'export const banner = <p>{import.meta.env.VITE_SUPABASE_ANON_KEY}</p>\n' },
      findings: [{ line: 1, column: 33, message: unparsed("':' expected.") }],
    },
    {
      name: 'the script block of a .vue or .svelte component',
      files: {
        'src/App.vue': '<script setup>\nconst key = import.meta.env.VITE_SUPABASE_ANON_KEY (\n</script>\n',
        'src/Chat.svelte': '<script>\n  const key = import.meta.env.VITE_SUPABASE_ANON_KEY (\n</script>\n<p>{key}</p>\n',
      },
      findings: [
        { line: 3, column: 1, message: unparsed("')' expected.") },
        { file: 'src/Chat.svelte', line: 3, column: 1, message: unparsed("')' expected.") },
      ],
    },
    {
      // A name never changes a YAML document's structure: the file is renamed as text, and the finding is an info (no exit 2).
      name: 'a workflow that is not valid YAML, a Helm template: renamed as text, reported as an info',
      files: {
        '.github/workflows/ci.yml': 'env:\n  SUPABASE_ANON_KEY: [\n',
        'charts/api/templates/deployment.yaml': 'env:\n{{- if .Values.admin }}\n  - name: SUPABASE_SERVICE_ROLE_KEY\n{{- end }}\n',
      },
      findings: [
        {
          line: 3,
          column: 1,
          severity: 'info',
          message:
            'renamed as text: the file does not parse (Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1:), ' +
            'and a key name never changes its structure; check the diff',
          fixable: false,
        },
        { file: 'charts/api/templates/deployment.yaml', line: 2, column: 1, severity: 'info', messageIncludes: 'renamed as text: the file does not parse (' },
      ],
    },
    {
      name: 'a file that names a legacy key but is not UTF-8 text, or is binary',
      files: {
        'src/config.ts': latin1('// caf\xe9\nexport const key = process.env.SUPABASE_ANON_KEY\n'),
        'public/blob.js': Buffer.concat([Buffer.from('SUPABASE_SERVICE_ROLE_KEY'), Buffer.from([0, 1, 2])]),
      },
      findings: [
        { file: 'public/blob.js', line: 1, column: 1, message: 'mentions SUPABASE_SERVICE_ROLE_KEY but is binary or UTF-16, so it was not changed; rename it by hand' },
        { line: 1, column: 1, message: 'mentions SUPABASE_ANON_KEY but is not UTF-8, so it was not changed; rename it by hand' },
      ],
    },
    {
      name: "the configuration's rules setting reaches syntax errors and unreadable files alike",
      files: {
        'migrate-keys.config.json': '{ "rules": { "parse-error": "warning" } }\n',
        'src/config.ts': 'export const key = import.meta.env.VITE_SUPABASE_ANON_KEY (\n',
        'src/legacy.ts': latin1('// caf\xe9\nexport const key = process.env.SUPABASE_ANON_KEY\n'),
      },
      findings: [
        { file: 'src/config.ts', line: 2, severity: 'warning', messageIncludes: 'could not be parsed' },
        { file: 'src/legacy.ts', line: 1, severity: 'warning', messageIncludes: 'is not UTF-8' },
      ],
    },
  ],
});
