const supabaseKey = process.env.SUPABASE_SECRET_KEY!;

export const adminHeaders = {
  'Content-Type': 'application/json',
  'Authorization': 'Bearer ' + supabaseKey,
  'Prefer': 'return=minimal',
};
