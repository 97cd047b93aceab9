const key = process.env.SUPABASE_SECRET_KEY!;

export const first = { apikey: key };
export const middle = { 'Content-Type': 'application/json', 'apikey': key };
export const last = { apikey: key };
const apikey = key;
export const shorthand = { apikey };
