// edge-function-verify-jwt: a function whose effective verify_jwt is on, which callers sending only an API key
// cannot pass; --write --unsafe turns it off in config.toml (docs/rules/edge-function-verify-jwt.md).
import { ruleTester } from '../helpers/rule-tester.js';

const CONFIG = 'supabase/config.toml';
const HANDLER = "Deno.serve(() => new Response('ok'))\n";
const fn = (slug: string) => ({ [`supabase/functions/${slug}/index.ts`]: HANDLER });
const message = (slug: string, how: string, callers = '') =>
  `function \`${slug}\`: ${how}, so callers sending only a publishable or secret key${callers} fail with "Invalid JWT"; ` +
  'signed-in users still pass. Set verify_jwt = false (--write --unsafe does) and check the caller in the function';

ruleTester('edge-function-verify-jwt', {
  valid: [
    {
      name: 'off: verify_jwt = false in config.toml, or --no-verify-jwt on every deploy (the flag wins over config.toml)',
      files: {
        [CONFIG]: '[functions.hello]\nverify_jwt = false\n',
        ...fn('hello'),
        ...fn('cron'),
        'package.json': '{ "scripts": { "deploy": "supabase functions deploy cron --no-verify-jwt" } }\n',
      },
    },
    {
      name: 'not functions: _shared code, a folder without an entrypoint, a config.toml outside supabase/',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        'supabase/functions/_shared/cors.ts': 'export const cors = {}\n',
        'supabase/functions/drafts/README.md': 'nothing here yet\n',
        'config.toml': '[functions.hello]\nverify_jwt = true\n',
      },
    },
  ],
  invalid: [
    {
      name: 'on by default: --unsafe appends a [functions.<slug>] table',
      files: { [CONFIG]: 'project_id = "my-app"\n', ...fn('send-report') },
      options: { unsafe: true },
      // At the end of the file, where the table goes.
      findings: [{ file: CONFIG, line: 2, column: 1, message: message('send-report', 'verify_jwt is on by default'), fixable: true }],
      output: { [CONFIG]: 'project_id = "my-app"\n\n[functions.send-report]\nverify_jwt = false\n' },
    },
    {
      name: "without --unsafe the warning stands, on the function's own entry file when config.toml has no table of it (issue 18, item 14)",
      // It was anchored past the last line of config.toml, or on another function's line when the file ends without a newline.
      files: { [CONFIG]: '[functions.other]\nverify_jwt = false', ...fn('hello'), ...fn('other') },
      findings: [{ file: 'supabase/functions/hello/index.ts', line: 1, column: 1, message: message('hello', 'verify_jwt is on by default'), fixable: false }],
    },
    {
      name: 'a function that has its own table keeps the finding there without --unsafe',
      files: { [CONFIG]: '[functions.hello]\nimport_map = "./import_map.json"\n', ...fn('hello') },
      findings: [{ file: CONFIG, line: 1, column: 1, message: message('hello', 'verify_jwt is on by default'), fixable: false }],
    },
    {
      name: 'suppressed on its entry file, --unsafe leaves config.toml alone',
      files: {
        [CONFIG]: 'project_id = "my-app"\n',
        'supabase/functions/hello/index.ts': '// migrate-keys-ignore edge-function-verify-jwt -- called by a signed-in user only\n' + HANDLER,
        ...fn('other'),
      },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 2, column: 1, message: message('other', 'verify_jwt is on by default'), fixable: true }],
      output: { [CONFIG]: 'project_id = "my-app"\n\n[functions.other]\nverify_jwt = false\n' },
    },
    {
      name: 'verify_jwt = true: only the value changes, comments and other keys stay',
      files: {
        [CONFIG]: 'project_id = "my-app"\n\n[functions.hello]\n# the dashboard calls it\nverify_jwt = true # for now\nimport_map = "./import_map.json"\n',
        ...fn('hello'),
      },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 5, column: 14, message: message('hello', 'verify_jwt = true'), fixable: true }],
      output: { [CONFIG]: 'project_id = "my-app"\n\n[functions.hello]\n# the dashboard calls it\nverify_jwt = false # for now\nimport_map = "./import_map.json"\n' },
    },
    {
      name: 'a table without the key, CRLF and no final newline: the key goes under the header, in CRLF',
      files: { [CONFIG]: '[functions.hello]\r\nimport_map = "./import_map.json"', ...fn('hello') },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 1, column: 1, fixable: true }],
      output: { [CONFIG]: '[functions.hello]\r\nverify_jwt = false\r\nimport_map = "./import_map.json"' },
    },
    {
      name: 'the callers found in the repository are named; several functions get a table each',
      files: {
        [CONFIG]: '[functions.b]\nverify_jwt = false\n',
        ...fn('a'),
        ...fn('b'),
        ...fn('c'),
        'src/api.ts': "await supabase.functions.invoke('a')\nawait fetch(`${url}/functions/v1/a`)\n",
      },
      options: { unsafe: true },
      findings: [
        { file: CONFIG, line: 3, column: 1, message: message('a', 'verify_jwt is on by default', ' (called from src/api.ts:1, src/api.ts:2)'), fixable: true },
        { file: CONFIG, line: 3, column: 1, message: message('c', 'verify_jwt is on by default'), fixable: true },
      ],
      output: { [CONFIG]: '[functions.b]\nverify_jwt = false\n\n[functions.a]\nverify_jwt = false\n\n[functions.c]\nverify_jwt = false\n' },
    },
    {
      name: 'no config.toml: reported on the entrypoint, nothing to fix',
      files: { ...fn('hello') },
      options: { unsafe: true },
      findings: [
        {
          file: 'supabase/functions/hello/index.ts',
          line: 1,
          column: 1,
          message: `${message('hello', 'verify_jwt is on by default')}; there is no supabase/config.toml to set it in`,
          fixable: false,
        },
      ],
    },
    {
      name: 'an inline table is read but not edited',
      // With no [functions.<slug>] table to point at (it landed past the last line of config.toml), the finding is on the function's entry file.
      files: { [CONFIG]: 'project_id = "my-app"\nfunctions = { hello = { verify_jwt = true } }\n', ...fn('hello') },
      options: { unsafe: true },
      findings: [{ file: 'supabase/functions/hello/index.ts', line: 1, column: 1, message: message('hello', 'verify_jwt = true'), fixable: false }],
    },
    {
      name: 'verify_jwt = "false", a string, counts as on',
      // Known: the message says `verify_jwt = true` of a value written as the string "false".
      files: { [CONFIG]: '[functions.hello]\nverify_jwt = "false"\n', ...fn('hello') },
      options: { unsafe: true },
      findings: [{ file: CONFIG, line: 2, column: 14, message: message('hello', 'verify_jwt = true'), fixable: true }],
      output: { [CONFIG]: '[functions.hello]\nverify_jwt = false\n' },
    },
  ],
});
