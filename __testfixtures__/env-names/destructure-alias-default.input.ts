const { NEXT_PUBLIC_SUPABASE_ANON_KEY: anonKey = '', SUPABASE_SERVICE_KEY: serviceKey = '' } = process.env;

export const keys = { anonKey, serviceKey };
