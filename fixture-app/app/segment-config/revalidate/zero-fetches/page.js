import { fetchedAt } from '../../../fetch-options/source'

export const revalidate = 0

/** A page exporting revalidate = 0 that fetches without a cache option, with cache: 'force-cache' and with next.revalidate 60. */
export default async function Page() {
  const plain = await fetchedAt('zero-fetches-plain')
  const forced = await fetchedAt('zero-fetches-forced', { cache: 'force-cache' })
  const timed = await fetchedAt('zero-fetches-timed', { next: { revalidate: 60 } })
  return (
    <main>
      <p id="plain">{plain}</p>
      <p id="forced">{forced}</p>
      <p id="timed">{timed}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
