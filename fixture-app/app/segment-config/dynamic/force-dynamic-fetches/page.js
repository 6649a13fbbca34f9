import { fetchedAt } from '../../../fetch-options/source'

export const dynamic = 'force-dynamic'

/** A force-dynamic page that fetches without a cache option, with cache: 'force-cache' and with next.revalidate 60. */
export default async function Page() {
  const plain = await fetchedAt('force-dynamic-plain')
  const forced = await fetchedAt('force-dynamic-forced', { cache: 'force-cache' })
  const timed = await fetchedAt('force-dynamic-timed', { next: { revalidate: 60 } })
  return (
    <main>
      <p id="plain">{plain}</p>
      <p id="forced">{forced}</p>
      <p id="timed">{timed}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
