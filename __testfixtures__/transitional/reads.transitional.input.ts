// Every read of a legacy name falls back during the rollout; parentheses only where they are needed.
const url = import.meta.env.VITE_SUPABASE_URL;
const key = import.meta.env.VITE_SUPABASE_ANON_KEY;
const orDefault = import.meta.env.VITE_SUPABASE_ANON_KEY || 'missing';
const trimmed = import.meta.env.VITE_SUPABASE_ANON_KEY.trim();
const required = process.env.SUPABASE_SERVICE_ROLE_KEY!;
const bracket = process.env['SUPABASE_SERVICE_ROLE_KEY'] ?? '';
const deno = Deno.env.get('STAGING_SUPABASE_ANON_KEY');
const message = `key: ${import.meta.env.VITE_SUPABASE_ANON_KEY}`;
createClient(url, import.meta.env.VITE_SUPABASE_ANON_KEY);
export const missing = !process.env.SUPABASE_SERVICE_ROLE_KEY;
