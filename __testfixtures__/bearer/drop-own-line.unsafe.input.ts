const anonKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;

export function invoke(url: string) {
  return fetch(url, {
    headers: {
      apikey: anonKey,
      Authorization: `Bearer ${anonKey}`,
      'Content-Type': 'application/json',
    },
  });
}
