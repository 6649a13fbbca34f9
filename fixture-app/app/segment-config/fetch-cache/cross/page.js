import { connection } from 'next/server'
import { sourceUrl } from '../../../fetch-options/source'

export const fetchCache = 'only-cache'

/** A page exporting fetchCache = 'only-cache' (inside a 'force-no-store' layout) whose fetch sets cache: 'no-store'. */
export default async function Page() {
  await connection()
  const data = await (await fetch(sourceUrl('cross'), { cache: 'no-store' })).json()
  return (
    <main>
      <p id="fetched">{data.now}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
