import { TodoList } from './components/TodoList'

export default function App() {
  return (
    <main>
      <h1>Todos</h1>
      <TodoList />
    </main>
  )
}
