const {
  // Browser-safe values
  VITE_SUPABASE_URL,
  VITE_SUPABASE_ANON_KEY, // the anon key, safe to expose
  /* server only */
  SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey = '',
} = import.meta.env;

export const env = {
  url: VITE_SUPABASE_URL,
  anonKey: VITE_SUPABASE_ANON_KEY,
  serviceRoleKey,
};
