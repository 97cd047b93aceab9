// The sql kind: migrations and seeds, read by sql-legacy-key alone.
import type { KindModule } from './kind.js';

export const sqlKind: KindModule<'sql'> = {
  kind: 'sql',
  docs: {
    files: 'SQL: `supabase/migrations/**`, seeds',
    changes: 'nothing in applied migrations; a new migration re-creates the jobs, webhooks and functions that send a legacy key (sql-legacy-key)',
  },
  matches: ({ extension }) => extension === '.sql',
  // It keeps its names: sql-legacy-key reads the file itself.
  searchesNames: false,
};
