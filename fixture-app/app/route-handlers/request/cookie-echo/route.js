import { cookies } from 'next/headers'

/** The doc's example: answers the `token` cookie it read in a Set-Cookie header of a new Response. */
export async function GET() {
  const cookieStore = await cookies()
  const token = cookieStore.get('token')
  return new Response('Hello, Next.js!', {
    status: 200,
    headers: { 'Set-Cookie': `token=${token?.value}` },
  })
}
