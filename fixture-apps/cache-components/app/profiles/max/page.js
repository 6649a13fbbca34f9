'use cache'
import { cacheLife } from 'next/cache'

/** A cached page with the `max` profile that shows when it was rendered. */
export default async function Page() {
  cacheLife('max')
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
