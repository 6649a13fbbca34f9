import { fetchedAt } from '../../../fetch-options/source'

export const revalidate = 1

/** A page revalidated every second whose fetch sets next.revalidate 60. */
export default async function Page() {
  const fetched = await fetchedAt('fetch-higher', { next: { revalidate: 60 } })
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
