import { fetchedAt } from '../source'

/** A page rendered per request (it reads searchParams) that fetches the source for `?key=` with cache: 'force-cache'. */
export default async function Page({ searchParams }) {
  const { key = '' } = await searchParams
  const fetched = await fetchedAt(`page-force-cache-${key}`, { cache: 'force-cache' })
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
