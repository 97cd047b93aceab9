// Two legacy names of SUPABASE_SECRET_KEY declared side by side: the canonical one moves; the alias keeps its
// name in this file (a finding says to merge it), so every use still names a variable that exists.
const { SUPABASE_SERVICE_ROLE_KEY, SUPABASE_SERVICE_KEY } = process.env;

export const serviceKey = SUPABASE_SERVICE_ROLE_KEY ?? SUPABASE_SERVICE_KEY;
export const anonKey = process.env.SUPABASE_ANON_KEY;
