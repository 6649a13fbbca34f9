import { after } from 'next/server'
import { record } from '../log'

export const revalidate = 1

/** A prerendered page, regenerated every second, whose after() callback records its render time under `static-page`. */
export default function Page() {
  const at = Date.now()
  after(() => record('static-page', at))
  return (
    <main>
      <p id="at">{at}</p>
    </main>
  )
}
