import { cookies } from 'next/headers'

// A handler rendered per request that sets a cookie through cookies().
export async function GET() {
  const store = await cookies()
  store.set('kind', 'dynamic')
  return new Response('dynamic')
}
