// unused-suppression: a `migrate-keys-ignore` comment that silences nothing.
import type { Rule } from './rule.js';

export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    severity: 'info',
    fix: 'none',
    summary: 'a migrate-keys-ignore comment that silences nothing',
    description:
      'A suppression comment applies to findings on its own line and the line below. One that matches no ' +
      'finding is stale: remove it, so that it does not hide a future finding by accident.',
    legacyUse: false,
    blocksRotation: false,
    example: '// migrate-keys-ignore legacy-env-name   <- the next line no longer has a legacy name',
    // About the tool's own comments: no Supabase fact behind it.
    sources: [],
    examples: [
      {
        title: 'A suppression left behind after the migration',
        file: 'src/lib/supabase.ts',
        before: '// migrate-keys-ignore legacy-env-name\nexport const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n',
        after: 'export const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY\n',
      },
    ],
  },
  // Runs after every other rule: the plan has marked the directives that silenced something.
  check(file) {
    return file.directives
      .filter((directive) => !directive.used)
      .map((directive) => ({
        offset: directive.offset,
        message: `this migrate-keys-ignore${directive.rules.length > 0 ? ` ${directive.rules.join(', ')}` : ''} comment silences nothing: remove it`,
      }));
  },
};
