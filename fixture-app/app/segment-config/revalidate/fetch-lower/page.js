import { fetchedAt } from '../../../fetch-options/source'

export const revalidate = 60

/** A page revalidated every 60 s whose fetch sets next.revalidate 1. */
export default async function Page() {
  const fetched = await fetchedAt('fetch-lower', { next: { revalidate: 1 } })
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
