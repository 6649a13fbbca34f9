import { headers } from 'next/headers'

/** The doc's example: answers the request's referer header as a referer header of a new Response. */
export async function GET() {
  const headersList = await headers()
  const referer = headersList.get('referer')
  return new Response('Hello, Next.js!', {
    status: 200,
    headers: { referer: referer },
  })
}
