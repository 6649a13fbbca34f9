import { fetchedAt } from '../source'

/** A page without Dynamic APIs or segment config that fetches the source with cache: 'no-store'. */
export default async function Page() {
  const fetched = await fetchedAt('no-store-page', { cache: 'no-store' })
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
