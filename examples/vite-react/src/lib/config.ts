// Runtime configuration, read once.
const {
  VITE_SUPABASE_URL: url,
  VITE_SUPABASE_ANON_KEY: anonKey = '',
  MODE,
} = import.meta.env

export const config = {
  supabaseUrl: url,
  supabaseKeyConfigured: anonKey.length > 0,
  // Shown on the settings page so support can tell which variable is missing.
  keyVariable: 'VITE_SUPABASE_ANON_KEY',
  mode: MODE,
}
