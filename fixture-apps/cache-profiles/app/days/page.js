'use cache'
import { cacheLife } from 'next/cache'

/** A cached page with the `days` profile, which next.config.js overrides. */
export default async function Page() {
  cacheLife('days')
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
