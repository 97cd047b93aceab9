export const anonKey = process.env.REACT_APP_SUPABASE_ANON_KEY;
export const url = process.env.REACT_APP_SUPABASE_URL;
export default { url, key: process.env.REACT_APP_SUPABASE_ANON_KEY }