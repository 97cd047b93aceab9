const key = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY as string;

export const single = { ['Authorization']: `Bearer ${key}` };
export const double = { ["authorization"]: 'Bearer ' + key };
export const lower = { authorization: `Bearer ${key}` };
