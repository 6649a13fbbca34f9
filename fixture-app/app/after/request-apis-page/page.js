import { cookies, headers } from 'next/headers'
import { after } from 'next/server'
import { forget, record } from '../log'

/** A page whose after() callback tries cookies() and headers() and records, under `?key=`, whether each threw. */
export default async function Page({ searchParams }) {
  const { key = '' } = await searchParams
  forget(key)
  after(async () => {
    for (const [name, read] of [['cookies', cookies], ['headers', headers]]) {
      try {
        await read()
        record(key, `${name}:read`)
      } catch {
        record(key, `${name}:threw`)
      }
    }
  })
  return (
    <main>
      <p id="key">{key}</p>
    </main>
  )
}
