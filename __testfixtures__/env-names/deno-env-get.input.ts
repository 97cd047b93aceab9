// A Deno script in scripts/, not an Edge Function: its variables are ours to name.
import { createClient } from 'jsr:@supabase/supabase-js@2';

const url = Deno.env.get('MY_SUPABASE_URL') ?? 'http://127.0.0.1:54321';
const key = Deno.env.get('MY_SUPABASE_ANON_KEY');
if (!key) {
  console.error('Set MY_SUPABASE_ANON_KEY before running this script');
  Deno.exit(1);
}

const supabase = createClient(url, key);
const { data } = await supabase.from('todos').select('id, title');
console.log(data);
