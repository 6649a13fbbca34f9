'use cache'
import { cacheLife } from 'next/cache'

/** A cached page with the `minutes` profile that shows when it was rendered. */
export default async function Page() {
  cacheLife('minutes')
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
