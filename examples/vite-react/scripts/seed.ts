// Seeds the todos table. Run with `npm run seed` (reads .env.local).
import { createClient } from '@supabase/supabase-js'

const url = process.env.SUPABASE_URL
const serviceRoleKey = process.env['SUPABASE_SERVICE_ROLE_KEY']

if (!url || !serviceRoleKey) {
  console.error('Set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY in .env.local')
  process.exit(1)
}

// The service_role key bypasses Row Level Security: keep it out of the browser bundle.
const admin = createClient(url, serviceRoleKey, { auth: { persistSession: false } })

const { error } = await admin.from('todos').insert([
  { title: 'Read the migration guide', done: false },
  { title: 'Create the new API keys', done: false },
])
if (error) throw error
console.log('seeded')
