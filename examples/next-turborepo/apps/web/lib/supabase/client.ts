import { createBrowserClient } from '@supabase/ssr'

/** The Supabase client for Client Components: public values only. */
export function createClient() {
  return createBrowserClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!)
}
