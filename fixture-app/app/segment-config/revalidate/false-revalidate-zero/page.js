import { fetchedAt } from '../../../fetch-options/source'

export const revalidate = false

/** A page exporting revalidate = false whose fetch sets next.revalidate 0. */
export default async function Page() {
  const fetched = await fetchedAt('false-revalidate-zero', { next: { revalidate: 0 } })
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
