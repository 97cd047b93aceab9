// Lookups by string and comments keep the legacy name until the final run; a destructured env read takes the new
// name first and reads the legacy one as its default, a type gains the new member, optional, beside the legacy one (issue 26).
interface ImportMetaEnv {
  readonly VITE_SUPABASE_PUBLISHABLE_KEY?: string;
  readonly VITE_SUPABASE_ANON_KEY: string;
}
const { VITE_SUPABASE_PUBLISHABLE_KEY: anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY ?? '' } = import.meta.env;
const label = getEnv('VITE_SUPABASE_ANON_KEY');
export const ready = anonKey.length > 0 && label !== undefined;
