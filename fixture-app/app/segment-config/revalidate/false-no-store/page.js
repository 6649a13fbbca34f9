import { fetchedAt } from '../../../fetch-options/source'

export const revalidate = false

/** A page exporting revalidate = false whose fetch sets cache: 'no-store'. */
export default async function Page() {
  const fetched = await fetchedAt('false-no-store', { cache: 'no-store' })
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
