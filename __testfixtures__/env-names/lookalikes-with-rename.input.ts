// Only VITE_SUPABASE_ANON_KEY is a legacy name here; every other name is a different variable.
export const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY;

export const keyList = import.meta.env.VITE_SUPABASE_ANON_KEYS?.split(',') ?? [];
export const label = process.env.MY_SUPABASE_ANON_KEY_LABEL ?? 'anon';
export const keyFile = process.env.SUPABASE_ANON_KEY_FILE;
export const publishable = process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_DEFAULT_KEY;
export const neutral = process.env.SUPABASE_KEY;
export const expoKey = process.env.EXPO_PUBLIC_SUPABASE_KEY;
export const orAnon = process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_OR_ANON_KEY;
const xSUPABASE_ANON_KEY = 'x';
function getSUPABASE_ANON_KEY(): string {
  return xSUPABASE_ANON_KEY;
}
export const lower = process.env.supabase_anon_key;
export { getSUPABASE_ANON_KEY };
