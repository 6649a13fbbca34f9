import { cookies } from 'next/headers'

export const dynamic = 'force-static'

/** Shows the time and what it can see of the request: a search param and a cookie. */
export default async function Page({ searchParams }) {
  const { probe } = await searchParams
  const cookieStore = await cookies()
  return (
    <main>
      <p id="now">{Date.now()}</p>
      <p id="query">{probe ?? 'none'}</p>
      <p id="cookie">{cookieStore.get('probe')?.value ?? 'none'}</p>
    </main>
  )
}
