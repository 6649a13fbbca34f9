import { after } from 'next/server'
import { record } from '../log'

/** A page without Dynamic APIs or segment config that schedules an after() callback. */
export default function Page() {
  const at = Date.now()
  after(() => record('prerendered-page', at))
  return (
    <main>
      <p id="at">{at}</p>
    </main>
  )
}
