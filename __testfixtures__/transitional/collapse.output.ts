// A fallback between two names that become one collapses to one read: `??` and `||`, any read shape, any order.
const a = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;
const b = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;
const c = process.env.SUPABASE_SECRET_KEY;
const d = process.env['NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY'];
const e = Deno.env.get('STAGING_SUPABASE_PUBLISHABLE_KEY');
const f = process.env.SUPABASE_SECRET_KEY || '';
const g = import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY as string;
const h = import.meta.env.VITE_SUPABASE_URL && import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY;
const i =
  process.env.SUPABASE_SECRET_KEY ??
  'missing';
const j = process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY || process.env.SUPABASE_PUBLISHABLE_KEY;
const k = process.env.SUPABASE_SECRET_KEY || process.env.SUPABASE_SECRET_KEY.trim();
