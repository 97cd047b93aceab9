// unused-suppression: a `migrate-keys-ignore` comment (on a finding's line or the line above) that silenced nothing.
// It reads what the other rules' findings used, so every case runs all rules (allRules), as the CLI does.
import { ruleTester } from '../helpers/rule-tester.js';

const LEGACY_READ = 'export const key = import.meta.env.VITE_SUPABASE_ANON_KEY\n';
const NEW_READ = 'export const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n';
const silencesNothing = (rules = '') => `this migrate-keys-ignore${rules ? ` ${rules}` : ''} comment silences nothing: remove it`;

ruleTester('unused-suppression', {
  valid: [
    {
      name: 'directives that silence: on the line above or the line itself, without ids, one id of two, an HTML comment in Markdown',
      files: {
        'src/a.ts': `// migrate-keys-ignore legacy-env-name\n${LEGACY_READ}`,
        'src/b.ts': `${LEGACY_READ.trimEnd()} // migrate-keys-ignore legacy-env-name\n`,
        'src/c.ts': `// migrate-keys-ignore: read by a library we do not control\n${LEGACY_READ}`,
        'src/d.ts': `// migrate-keys-ignore legacy-env-name, hardcoded-key because of X\n${LEGACY_READ}`,
        'README.md': '<!-- migrate-keys-ignore legacy-env-name -->\nSet SUPABASE_ANON_KEY first.\n',
      },
      allRules: true,
    },
    { name: 'a file skipped whole by migrate-keys-ignore-file', files: { 'src/a.ts': `// migrate-keys-ignore-file\n${NEW_READ}` }, allRules: true },
    { name: 'the rule turned off', files: { 'src/a.ts': `// migrate-keys-ignore\n${NEW_READ}` }, severities: { 'unused-suppression': 'off' }, allRules: true },
    {
      // Known: a word that is not a rule id ends the list, so a misspelt id leaves a directive with no ids, which
      // silences every rule on its lines (here legacy-env-name) instead of being reported.
      name: 'a misspelt rule id',
      files: { 'src/a.ts': `// migrate-keys-ignore legacy-env-nam\n${LEGACY_READ}` },
      allRules: true,
    },
  ],
  invalid: [
    {
      name: 'a suppression left behind after the migration (docs example), with ids or without',
      files: { 'src/lib/supabase.ts': `// migrate-keys-ignore legacy-env-name\n${NEW_READ}`, 'src/a.ts': `${NEW_READ.trimEnd()} // migrate-keys-ignore\n` },
      allRules: true,
      findings: [
        { file: 'src/a.ts', line: 1, column: 66, severity: 'info', fixable: false, message: silencesNothing() },
        { file: 'src/lib/supabase.ts', line: 1, column: 1, severity: 'info', fixable: false, message: silencesNothing('legacy-env-name') },
      ],
    },
    {
      name: 'another rule than the one on the line, two lines above it, or stacked above the one used: the finding stays and is fixed',
      files: {
        'src/a.ts': `// migrate-keys-ignore hardcoded-key\n${LEGACY_READ}// migrate-keys-ignore legacy-env-name\n\n${LEGACY_READ}`,
        'src/b.ts': `// migrate-keys-ignore legacy-env-name\n// migrate-keys-ignore legacy-env-name\n${LEGACY_READ}`,
      },
      allRules: true,
      findings: [
        { line: 1, message: silencesNothing('hardcoded-key') },
        { line: 3, message: silencesNothing('legacy-env-name') },
        // Of two stacked directives only the one on the line above the finding is used.
        { file: 'src/b.ts', line: 1, message: silencesNothing('legacy-env-name') },
      ],
      // What --write writes: legacy-env-name's renames; the directives stay for a person to remove.
      output: { 'src/a.ts': `// migrate-keys-ignore hardcoded-key\n${NEW_READ}// migrate-keys-ignore legacy-env-name\n\n${NEW_READ}` },
    },
    {
      name: '# in .env files and -- in SQL; the severity from the config file',
      files: {
        '.env': '# migrate-keys-ignore legacy-key-value\nVITE_SUPABASE_PUBLISHABLE_KEY=your-publishable-key\n',
        'supabase/migrations/1_a.sql': '-- migrate-keys-ignore sql-legacy-key\nselect 1;\n',
        'migrate-keys.config.json': '{ "rules": { "unused-suppression": "warning" } }\n',
      },
      allRules: true,
      findings: [
        { file: '.env', line: 1, severity: 'warning', message: silencesNothing('legacy-key-value') },
        { file: 'supabase/migrations/1_a.sql', line: 1, severity: 'warning', message: silencesNothing('sql-legacy-key') },
      ],
    },
    {
      // The rule is off, so it finds nothing to silence; the directive is reported rather than kept for later.
      name: 'a directive for a rule turned off in the config',
      files: { 'src/a.ts': `// migrate-keys-ignore legacy-env-name\n${LEGACY_READ}`, 'migrate-keys.config.json': '{ "rules": { "legacy-env-name": "off" } }\n' },
      allRules: true,
      findings: [{ line: 1, message: silencesNothing('legacy-env-name') }],
    },
    {
      name: 'it cannot silence itself',
      files: { 'src/a.ts': `// migrate-keys-ignore unused-suppression\n${NEW_READ}` },
      allRules: true,
      findings: [{ line: 1, message: silencesNothing('unused-suppression') }],
    },
    {
      // Known: directives are found in any text, so docs that show the comment and strings that contain it are read as
      // directives; the backtick glued to the id makes it an unknown word, hence a directive without ids.
      name: 'the directive quoted in docs and in a string',
      files: {
        'docs/usage.md': 'To silence a finding, add `// migrate-keys-ignore legacy-env-name` above its line.\n',
        'src/help.ts': "export const help = 'add // migrate-keys-ignore <rule> above the line'\n",
      },
      allRules: true,
      findings: [
        { file: 'docs/usage.md', line: 1, column: 28, message: silencesNothing() },
        { file: 'src/help.ts', line: 1, column: 26, message: silencesNothing() },
      ],
    },
  ],
});
