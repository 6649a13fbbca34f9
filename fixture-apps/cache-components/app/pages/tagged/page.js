'use cache'
import { cacheTag } from 'next/cache'

/** A cached page (default profile) tagged `tagged-page` that shows when it was rendered. */
export default async function Page() {
  cacheTag('tagged-page')
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
