import { createClient } from '@supabase/supabase-js';

const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY);

export async function callAsUser(url: string) {
  const { data: { session } } = await supabase.auth.getSession();
  return fetch(url, {
    headers: {
      apikey: import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY,
      Authorization: `Bearer ${session?.access_token}`,
    },
  });
}

export function forward(req: Request, url: string) {
  return fetch(url, { headers: { Authorization: req.headers.get('Authorization') ?? '' } });
}
