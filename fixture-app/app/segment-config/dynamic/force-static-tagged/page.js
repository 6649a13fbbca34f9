import { fetchedAt } from '../../../fetch-options/source'

export const dynamic = 'force-static'

/** A force-static page whose fetch (cache: 'force-cache') is tagged tag-force-static-page. */
export default async function Page() {
  const fetched = await fetchedAt('force-static-page', { cache: 'force-cache', next: { tags: ['tag-force-static-page'] } })
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
