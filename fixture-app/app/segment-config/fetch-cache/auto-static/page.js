import { fetchedAt } from '../../../fetch-options/source'

export const revalidate = 1

/** A page revalidated every second (fetchCache left 'auto') whose fetch sets no cache option. */
export default async function Page() {
  const fetched = await fetchedAt('auto-static')
  return (
    <main>
      <p id="fetched">{fetched}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
