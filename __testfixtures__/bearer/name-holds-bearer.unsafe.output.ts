const publishableKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;
const bearer = `Bearer ${publishableKey}`;

export const headers = { Authorization: bearer };
export const request = new Request('https://example.supabase.co/rest/v1/todos', { headers: { 'Authorization': bearer } });
