'use cache'
import { SwiftTime } from '../../../lib/stamps'

/** A cached page naming no profile around a cached component with the `swift` profile. */
export default async function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
      <SwiftTime />
    </main>
  )
}
