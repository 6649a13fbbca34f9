import { cookies } from 'next/headers'

/** The route.js doc's example: answers the `token` cookie's value (token.value, without a guard) in a Set-Cookie header. */
export async function GET() {
  const cookieStore = await cookies()
  const token = cookieStore.get('token')
  return new Response('Hello, Next.js!', {
    status: 200,
    headers: { 'Set-Cookie': `token=${token.value}` },
  })
}
