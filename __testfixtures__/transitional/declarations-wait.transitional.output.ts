// Declarations, destructuring, lookups by string and comments keep the legacy name until the final run.
interface ImportMetaEnv {
  readonly VITE_SUPABASE_ANON_KEY: string;
}
const { VITE_SUPABASE_ANON_KEY: anonKey = '' } = import.meta.env;
const label = getEnv('VITE_SUPABASE_ANON_KEY');
export const ready = anonKey.length > 0 && label !== undefined;
