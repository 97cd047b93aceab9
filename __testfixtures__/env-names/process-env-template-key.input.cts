const prefix = process.env.NODE_ENV === 'production' ? 'PROD_' : '';

export const anonKey = process.env[`SUPABASE_ANON_KEY`];
export const serviceKey = process.env[`${prefix}SUPABASE_SERVICE_KEY`];
export const stagingKey = process.env[`STAGING_SUPABASE_SERVICE_ROLE_KEY`];
