import { headers } from 'next/headers'
import { after } from 'next/server'
import { forget, record } from '../log'

/** A layout whose after() callback records `layout` under the `x-after-key` request header. */
export default async function Layout({ children }) {
  const key = (await headers()).get('x-after-key') ?? ''
  forget(key)
  after(() => record(key, 'layout'))
  return <section>{children}</section>
}
