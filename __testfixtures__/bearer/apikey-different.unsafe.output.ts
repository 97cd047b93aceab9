const publishableKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;
const secretKey = process.env.SUPABASE_SECRET_KEY;

// Two different keys: which one the server should get is for a person to decide.
export const headers = {
  apikey: publishableKey,
  Authorization: `Bearer ${secretKey}`,
};
