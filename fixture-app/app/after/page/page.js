import { after } from 'next/server'
import { forget, record } from '../log'

/** generateMetadata's after() callback records `metadata` under `?key=`. */
export async function generateMetadata({ searchParams }) {
  const { key = '' } = await searchParams
  forget(key)
  after(() => record(key, 'metadata'))
  return { title: 'after() in a page' }
}

/** The page's after() callback records `page` under `?key=`. */
export default async function Page({ searchParams }) {
  const { key = '' } = await searchParams
  after(() => record(key, 'page'))
  return (
    <main>
      <p id="key">{key}</p>
    </main>
  )
}
