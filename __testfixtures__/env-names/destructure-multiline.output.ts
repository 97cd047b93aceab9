const {
  // Browser-safe values
  VITE_SUPABASE_URL,
  VITE_SUPABASE_PUBLISHABLE_KEY, // the anon key, safe to expose
  /* server only */
  SUPABASE_SECRET_KEY: serviceRoleKey = '',
} = import.meta.env;

export const env = {
  url: VITE_SUPABASE_URL,
  anonKey: VITE_SUPABASE_PUBLISHABLE_KEY,
  serviceRoleKey,
};
