import { headers } from 'next/headers'

/** The Route Handlers doc's example: answers the request's referer, or an empty value, as a referer header. */
export async function GET() {
  const headersList = await headers()
  const referer = headersList.get('referer')
  return new Response('Hello', {
    headers: { referer: referer ?? '' },
  })
}
