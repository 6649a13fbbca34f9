import { cookies } from 'next/headers'

/** A page that calls cookies().set(), which only Server Actions and route handlers may do. */
export default async function Page() {
  const store = await cookies()
  store.set('from-page', '1')
  return (
    <main>
      <p id="set">set</p>
    </main>
  )
}
