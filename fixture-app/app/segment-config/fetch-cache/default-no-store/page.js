import { fetchedAt } from '../../../fetch-options/source'

export const fetchCache = 'default-no-store'

/** A page without Dynamic APIs, with fetchCache = 'default-no-store', whose fetch sets no cache option. */
export default async function Page() {
  const fetched = await fetchedAt('default-no-store')
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
