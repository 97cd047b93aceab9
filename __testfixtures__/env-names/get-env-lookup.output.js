import { getEnv } from './config/env.js';

/** Reads a required variable or fails loudly at start-up. */
function required(name) {
  const value = getEnv(name);
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export const supabaseUrl = required('SUPABASE_URL');
export const supabaseAnonKey = required('SUPABASE_PUBLISHABLE_KEY');
export const supabaseServiceKey = getEnv("SUPABASE_SECRET_KEY", { optional: true });
