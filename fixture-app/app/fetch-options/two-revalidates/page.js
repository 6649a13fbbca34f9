import { fetchedAt } from '../source'

/** A page that fetches one URL twice, with next.revalidate 60 and then 1. */
export default async function Page() {
  const slow = await fetchedAt('two-revalidates', { next: { revalidate: 60 } })
  const fast = await fetchedAt('two-revalidates', { next: { revalidate: 1 } })
  return (
    <main>
      <p id="slow">{slow}</p>
      <p id="fast">{fast}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
