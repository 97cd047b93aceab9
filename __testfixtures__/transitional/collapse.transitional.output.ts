// During the rollout a new-first fallback people wrote is left as it is, with `||` as with `??`.
const a = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY || import.meta.env.VITE_SUPABASE_ANON_KEY;
const d = process.env['NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY'] || process.env["NEXT_PUBLIC_SUPABASE_ANON_KEY"];
const e = Deno.env.get('STAGING_SUPABASE_PUBLISHABLE_KEY') || Deno.env.get("STAGING_SUPABASE_ANON_KEY");
const g = (import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY || import.meta.env.VITE_SUPABASE_ANON_KEY) as string;
const i =
  process.env.SUPABASE_SECRET_KEY ??
  // the old name, until every environment has the new one
  process.env.SUPABASE_SERVICE_ROLE_KEY ??
  'missing';
const k = process.env.SUPABASE_SECRET_KEY || (process.env.SUPABASE_SECRET_KEY ?? process.env.SUPABASE_SERVICE_ROLE_KEY).trim();
