const anonKey = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;

export async function listTodos(url: string) {
  const response = await fetch(`${url}/rest/v1/todos`, {
    headers: {
      Authorization: `Bearer ${anonKey}`,
      'Content-Type': 'application/json',
    },
  });
  return response.json();
}
