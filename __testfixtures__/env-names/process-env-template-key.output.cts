const prefix = process.env.NODE_ENV === 'production' ? 'PROD_' : '';

export const anonKey = process.env[`SUPABASE_PUBLISHABLE_KEY`];
export const serviceKey = process.env[`${prefix}SUPABASE_SECRET_KEY`];
export const stagingKey = process.env[`STAGING_SUPABASE_SECRET_KEY`];
