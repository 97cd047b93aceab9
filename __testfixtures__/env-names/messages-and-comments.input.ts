/**
 * Server-side Supabase client.
 *
 * Needs SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY (never VITE_SUPABASE_ANON_KEY here).
 */
import { createClient } from '@supabase/supabase-js';

// TODO: read SUPABASE_SERVICE_ROLE_KEY from the secret manager instead
const key = process.env.SUPABASE_SERVICE_ROLE_KEY;

if (!key) {
  throw new Error('Missing SUPABASE_SERVICE_ROLE_KEY: add it to .env.local');
}
if (key === process.env.VITE_SUPABASE_ANON_KEY) {
  throw new Error("SUPABASE_SERVICE_ROLE_KEY holds the anon key (VITE_SUPABASE_ANON_KEY)");
}

export const admin = createClient(process.env.SUPABASE_URL as string, key /* SUPABASE_SERVICE_ROLE_KEY */);
