import { createClient } from '@supabase/supabase-js';

// A half-finished edit: the call below is missing its closing parenthesis.
export function createAdmin() {
  return createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!
}

export const anonKey = process.env.SUPABASE_ANON_KEY;
