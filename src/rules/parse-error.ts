// parse-error: a file that could not be read or parsed; it is left as it is (YAML: renamed as text) and the run goes on.
import { renamesAsText } from '../file-kinds/index.js';
import type { Rule } from './rule.js';

export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    severity: 'error',
    fix: 'none',
    summary: 'a file that could not be parsed; the run goes on',
    description:
      'A code or component file with a syntax error is not edited, so any legacy name in it keeps its name. Fix the syntax ' +
      'error (or the file type) and run the tool again. A YAML file that does not parse (a Helm template, an unbalanced ' +
      'quote) is renamed as text, since a key name never changes its structure: that is reported as an info; check the diff.',
    legacyUse: false,
    blocksRotation: false,
    example: 'const key = import.meta.env.VITE_SUPABASE_ANON_KEY (   <- a syntax error: the file is left as it is',
    // About the tool's own parsing: no Supabase fact behind it.
    sources: [],
    examples: [
      {
        title: 'A syntax error; once it is fixed, the next run renames the legacy name (legacy-env-name)',
        file: 'src/config.ts',
        before: 'export const key = import.meta.env.VITE_SUPABASE_ANON_KEY (\n',
        after: 'export const key = import.meta.env.VITE_SUPABASE_ANON_KEY\n',
      },
    ],
  },
  check(file) {
    if (!file.parseError) return [];
    const { offset, message } = file.parseError;
    if (renamesAsText(file.kind)) {
      return [
        { offset, severity: 'info', message: `renamed as text: the file does not parse (${message}), and a key name never changes its structure; check the diff` },
      ];
    }
    return [{ offset, message: `could not be parsed (${message}), so it was not changed: fix the syntax and run migrate-keys again` }];
  },
};
