// Server-side data access shared by the apps. It holds the service_role key, which bypasses
// Row Level Security: import it from server code only (route handlers, server actions, scripts).
import { createClient, type SupabaseClient } from '@supabase/supabase-js'

let admin: SupabaseClient | undefined

function adminClient(): SupabaseClient {
  const url = process.env.SUPABASE_URL ?? process.env.NEXT_PUBLIC_SUPABASE_URL
  const serviceRoleKey = process.env.SUPABASE_SERVICE_ROLE_KEY
  if (!url || !serviceRoleKey) {
    throw new Error('@acme/db needs SUPABASE_URL (or NEXT_PUBLIC_SUPABASE_URL) and SUPABASE_SERVICE_ROLE_KEY')
  }
  admin ??= createClient(url, serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } })
  return admin
}

export interface TodoStats {
  total: number
  done: number
}

export async function todoStats(): Promise<TodoStats> {
  const db = adminClient()
  const [all, done] = await Promise.all([
    db.from('todos').select('*', { count: 'exact', head: true }),
    db.from('todos').select('*', { count: 'exact', head: true }).eq('done', true),
  ])
  if (all.error) throw all.error
  if (done.error) throw done.error
  return { total: all.count ?? 0, done: done.count ?? 0 }
}
