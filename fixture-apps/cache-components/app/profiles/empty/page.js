'use cache'
import { cacheLife } from 'next/cache'

/** A cached page calling cacheLife({}). */
export default async function Page() {
  cacheLife({})
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
