import { cache } from 'react'
import { after } from 'next/server'
import { forget, record } from '../log'

/** Records `called` each time it runs; React cache() runs it once per request and key. */
const note = cache((key) => {
  record(key, 'called')
  return key
})

/** The after() callback calls the cache()-wrapped function twice for `?key=`. */
export default async function Page({ searchParams }) {
  const { key = '' } = await searchParams
  forget(key)
  after(() => {
    note(key)
    note(key)
  })
  return (
    <main>
      <p id="key">{key}</p>
    </main>
  )
}
