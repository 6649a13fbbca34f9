'use cache'
import { cacheLife } from 'next/cache'
import { SwiftTime } from '../../../lib/stamps'

/** A cached page with the `hours` profile around a cached component with the `swift` profile. */
export default async function Page() {
  cacheLife('hours')
  return (
    <main>
      <p id="now">{Date.now()}</p>
      <SwiftTime />
    </main>
  )
}
