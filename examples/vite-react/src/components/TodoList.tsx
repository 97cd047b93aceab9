import { useEffect, useState } from 'react'
import { supabase } from '../lib/supabase'
import { config } from '../lib/config'

type Todo = { id: number; title: string; done: boolean }

export function TodoList() {
  const [todos, setTodos] = useState<Todo[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    supabase
      .from('todos')
      .select('id, title, done')
      .order('id')
      .then(({ data, error }) => {
        if (error) setError(error.message)
        else setTodos(data ?? [])
      })
  }, [])

  if (!config.supabaseKeyConfigured) {
    return <p className="warning">Set VITE_SUPABASE_ANON_KEY in your .env file.</p>
  }
  if (error) return <p className="error">{error}</p>

  return (
    <ul>
      {todos.map((todo) => (
        <li key={todo.id} className={todo.done ? 'done' : undefined}>
          {todo.title}
        </li>
      ))}
    </ul>
  )
}
