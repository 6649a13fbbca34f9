'use cache'
import { cacheLife } from 'next/cache'

/** A cached page with the `weeks` profile that shows when it was rendered. */
export default async function Page() {
  cacheLife('weeks')
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
