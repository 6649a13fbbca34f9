import { notFound, redirect } from 'next/navigation'
import { after } from 'next/server'
import { forget, record } from '../log'

/**
 * Schedules an after() callback recording `?how=` under `?key=`, then throws (`how=throw`),
 * calls notFound() (`not-found`) or redirect('/') (`redirect`).
 */
export default async function Page({ searchParams }) {
  const { key = '', how = '' } = await searchParams
  forget(key)
  after(() => record(key, how))
  if (how === 'throw') throw new Error('thrown after after() was scheduled')
  if (how === 'not-found') notFound()
  if (how === 'redirect') redirect('/')
  return (
    <main>
      <p id="how">{how}</p>
    </main>
  )
}
