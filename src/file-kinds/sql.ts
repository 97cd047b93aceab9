// The sql kind: migrations and seeds, read by sql-legacy-key alone.
import type { KindModule } from './kind.js';

export const sqlKind: KindModule<'sql'> = {
  kind: 'sql',
  matches: ({ extension }) => extension === '.sql',
  // It keeps its names: sql-legacy-key reads the file itself.
  searchesNames: false,
};
