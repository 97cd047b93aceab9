/**
 * Server-side Supabase client.
 *
 * Needs SUPABASE_URL and SUPABASE_SECRET_KEY (never VITE_SUPABASE_PUBLISHABLE_KEY here).
 */
import { createClient } from '@supabase/supabase-js';

// TODO: read SUPABASE_SECRET_KEY from the secret manager instead
const key = process.env.SUPABASE_SECRET_KEY;

if (!key) {
  throw new Error('Missing SUPABASE_SECRET_KEY: add it to .env.local');
}
if (key === process.env.VITE_SUPABASE_PUBLISHABLE_KEY) {
  throw new Error("SUPABASE_SECRET_KEY holds the anon key (VITE_SUPABASE_PUBLISHABLE_KEY)");
}

export const admin = createClient(process.env.SUPABASE_URL as string, key /* SUPABASE_SECRET_KEY */);
