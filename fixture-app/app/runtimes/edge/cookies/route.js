import { cookies } from 'next/headers'

export const runtime = 'edge'

// Two cookies set through cookies() and one through the answer's own headers, in the Edge runtime.
export async function GET() {
  const store = await cookies()
  store.set('first', '1')
  store.set('second', '2', { httpOnly: true, maxAge: 60 })
  return new Response('cookies', { headers: { 'set-cookie': 'third=3; Path=/' } })
}
