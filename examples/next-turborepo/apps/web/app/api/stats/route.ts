import { todoStats } from '@acme/db'
import { NextResponse } from 'next/server'

// Counts across every user's rows: packages/db uses the service_role key, on the server only.
export async function GET() {
  return NextResponse.json(await todoStats())
}
