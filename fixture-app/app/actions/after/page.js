import { cookies, headers } from 'next/headers'
import { after } from 'next/server'
import { forget, record } from '../../after/log'

/**
 * Schedules an after() callback that reads the `probe` cookie and records it under the
 * `x-action-key` request header.
 */
async function later() {
  'use server'
  const key = (await headers()).get('x-action-key') ?? ''
  forget(key)
  after(async () => {
    const probe = (await cookies()).get('probe')?.value ?? 'none'
    record(key, `action cookie:${probe}`)
  })
}

/** A form whose action schedules an after() callback. */
export default function Page() {
  return (
    <main>
      <form action={later}>
        <button type="submit">Go</button>
      </form>
    </main>
  )
}
