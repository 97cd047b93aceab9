// parse-error: a file that could not be read or parsed; it is left as it is and the run goes on.
import type { Rule } from './rule.js';

export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    severity: 'error',
    fix: 'none',
    summary: 'a file that could not be parsed; the run goes on',
    description:
      'A file with a syntax error is not edited, so any legacy name in it keeps its name. Fix the syntax ' +
      'error (or the file type) and run the tool again.',
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
    return [{ offset: file.parseError.offset, message: `could not be parsed (${file.parseError.message}), so it was not changed: fix the syntax and run migrate-keys again` }];
  },
};
