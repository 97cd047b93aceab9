// None of these is a legacy key name: the file must come out unchanged.
export const names = [
  'VITE_SUPABASE_ANON_KEYS',
  'MY_SUPABASE_ANON_KEY_LABEL',
  'SUPABASE_ANON_KEY_FILE',
  'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_DEFAULT_KEY',
  'SUPABASE_KEY',
  'xSUPABASE_ANON_KEY',
  'SUPABASE_SERVICE_ROLE_KEY_PATH',
  'SUPABASE_SERVICE_ROLE',
  'SUPABASE_ANON',
  'supabase_anon_key',
  'SUPABASE_PUBLISHABLE_KEY',
  'SUPABASE_SECRET_KEY',
];

export const keyList = import.meta.env.VITE_SUPABASE_ANON_KEYS;
export const keyFile = process.env.SUPABASE_ANON_KEY_FILE;
export const __SUPABASE_ANON_KEY__ = process.env.SUPABASE_KEY;
export function getSUPABASE_ANON_KEY(): string | undefined {
  return process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_DEFAULT_KEY;
}
