import { createClient } from '@supabase/supabase-js';

// Edited on Windows: every line ends with CRLF.
const url = process.env.SUPABASE_URL ?? "";
const key = process.env.SUPABASE_SERVICE_ROLE_KEY ?? "";

export const admin = createClient(url, key);
