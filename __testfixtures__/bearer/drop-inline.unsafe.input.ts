const key = process.env.SUPABASE_SECRET_KEY!;

export const first = { Authorization: `Bearer ${key}`, apikey: key };
export const middle = { 'Content-Type': 'application/json', Authorization: 'Bearer ' + key, 'apikey': key };
export const last = { apikey: key, Authorization: `Bearer ${key}` };
const apikey = key;
export const shorthand = { apikey, "Authorization": `Bearer ${apikey}` };
