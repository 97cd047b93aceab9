const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY as string;

export const single = { ['apikey']: key };
export const double = { ["apikey"]: key };
export const lower = { apikey: key };
