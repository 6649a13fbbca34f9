import { headers } from 'next/headers'

/** Tries to set a header on headers(), which is read-only. */
export async function GET() {
  const headersList = await headers()
  headersList.set('x-added', '1')
  return Response.json({ added: headersList.get('x-added') })
}
