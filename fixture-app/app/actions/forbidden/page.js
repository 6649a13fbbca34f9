import { forbidden } from 'next/navigation'

/** Calls forbidden(). */
async function refuse() {
  'use server'
  forbidden()
}

/** A form whose action calls forbidden(). */
export default function Page() {
  return (
    <main>
      <form action={refuse}>
        <button type="submit">Try</button>
      </form>
    </main>
  )
}
