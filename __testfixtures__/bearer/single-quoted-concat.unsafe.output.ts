const supabaseKey = process.env.SUPABASE_SECRET_KEY!;

export const adminHeaders = {
  'Content-Type': 'application/json',
  'apikey': supabaseKey,
  'Prefer': 'return=minimal',
};
