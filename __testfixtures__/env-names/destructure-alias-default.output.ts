const { NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: anonKey = '', SUPABASE_SECRET_KEY: serviceKey = '' } = process.env;

export const keys = { anonKey, serviceKey };
