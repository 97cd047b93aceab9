export async function callFunction(name: string, body: unknown) {
  return fetch(`${process.env.NEXT_PUBLIC_SUPABASE_URL}/functions/v1/${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "apikey": process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY },
    body: JSON.stringify(body),
  });
}
