// Two legacy names that would both become SUPABASE_SECRET_KEY stay as they are.
const { SUPABASE_SERVICE_ROLE_KEY, SUPABASE_SERVICE_KEY } = process.env;

export const serviceKey = SUPABASE_SERVICE_ROLE_KEY ?? SUPABASE_SERVICE_KEY;
export const anonKey = process.env.SUPABASE_ANON_KEY;
