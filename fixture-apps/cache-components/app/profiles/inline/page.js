'use cache'
import { cacheLife } from 'next/cache'

/** The doc's inline profile: a cached page with { stale: 3600, revalidate: 900, expire: 86400 }. */
export default async function Page() {
  cacheLife({
    stale: 3600,
    revalidate: 900,
    expire: 86400,
  })
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
