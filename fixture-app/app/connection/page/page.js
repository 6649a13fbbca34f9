import { connection } from 'next/server'

/** A page without Dynamic APIs that awaits connection() before showing the time. */
export default async function Page() {
  await connection()
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
