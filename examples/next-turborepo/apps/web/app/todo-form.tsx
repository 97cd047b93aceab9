'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { createClient } from '@/lib/supabase/client'

export function TodoForm() {
  const router = useRouter()
  const [title, setTitle] = useState('')

  async function add(event: React.FormEvent) {
    event.preventDefault()
    const { error } = await createClient().from('todos').insert({ title })
    if (error) return alert(error.message)
    setTitle('')
    router.refresh()
  }

  return (
    <form onSubmit={add}>
      <input value={title} onChange={(event) => setTitle(event.target.value)} placeholder="What needs doing?" />
      <button type="submit">Add</button>
    </form>
  )
}
