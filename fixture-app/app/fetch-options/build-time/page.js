import { fetchedAt } from '../source'

/** A page without Dynamic APIs or segment config that fetches the source without a cache option. */
export default async function Page() {
  const fetched = await fetchedAt('build-time')
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
