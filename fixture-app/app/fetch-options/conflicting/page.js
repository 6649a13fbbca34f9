import { fetchedAt } from '../source'

/** A page without Dynamic APIs or segment config whose fetch passes the conflicting { cache: 'no-store', next: { revalidate: 3600 } }. */
export default async function Page() {
  const fetched = await fetchedAt('conflicting', { cache: 'no-store', next: { revalidate: 3600 } })
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
