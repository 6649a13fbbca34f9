import { fetchedAt } from '../../../fetch-options/source'

export const dynamic = 'error'
export const revalidate = 1

/** A page with dynamic = 'error', revalidated every second, whose fetch sets no cache option. */
export default async function Page() {
  const fetched = await fetchedAt('error-fetches')
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
