// The toml kind: a Supabase project's supabase/config.toml (other TOML files are config or text).
import type { KindModule } from './kind.js';

export const tomlKind: KindModule<'toml'> = {
  kind: 'toml',
  docs: {
    files: '`supabase/config.toml`',
    changes: '`verify_jwt` (with `--unsafe`, for functions that check their caller)',
  },
  // Only a config.toml inside a `supabase/` folder is a project's configuration.
  matches: ({ path, basename }) => basename === 'config.toml' && /(^|\/)supabase\/config\.toml$/.test(path),
  // It keeps its names: the Edge Function and security models read the file themselves.
  searchesNames: false,
};
