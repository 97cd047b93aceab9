// Edge Function handlers the tests of the verify_jwt model share: one with no guard, one that checks its caller.

export const HANDLER = "Deno.serve(() => new Response('ok'))\n";

export const GUARDED =
  'Deno.serve(async (req) => {\n' +
  "  const { data, error } = await supabase.auth.getClaims(req.headers.get('Authorization')?.replace('Bearer ', '') ?? '')\n" +
  "  if (error || !data) return new Response('Unauthorized', { status: 401 })\n" +
  "  return new Response('ok')\n" +
  '})\n';
