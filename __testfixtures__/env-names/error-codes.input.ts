// An error code that merely ends in a legacy name is not a key name; a prefixed name read from the env is one, at every site.
export const MISSING_SUPABASE_ANON_KEY = 'MISSING_SUPABASE_ANON_KEY';

export function stagingKey(): string {
  const key = process.env.STAGING_SUPABASE_ANON_KEY;
  if (!key) throw new AppError(MISSING_SUPABASE_ANON_KEY, 'STAGING_SUPABASE_ANON_KEY is not set');
  return key;
}
