const publishableKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;

const headers = new Headers();
headers.set('Authorization', `Bearer ${publishableKey}`);
export const tuples = new Headers([['Authorization', `Bearer ${publishableKey}`]]);
