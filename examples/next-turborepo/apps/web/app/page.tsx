import { createClient } from '@/lib/supabase/server'
import { TodoForm } from './todo-form'

export default async function Home() {
  const supabase = await createClient()
  const { data: todos, error } = await supabase.from('todos').select('id, title, done').order('id')
  if (error) throw error

  return (
    <main>
      <h1>Todos</h1>
      <ul>
        {todos.map((todo) => (
          <li key={todo.id}>{todo.done ? <s>{todo.title}</s> : todo.title}</li>
        ))}
      </ul>
      <TodoForm />
    </main>
  )
}
