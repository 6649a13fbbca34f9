'use cache'
import { cacheLife } from 'next/cache'

/** A cached page with the `swift` profile that shows when it was rendered. */
export default async function Page() {
  cacheLife('swift')
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
