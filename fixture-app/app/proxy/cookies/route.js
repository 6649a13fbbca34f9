import { cookies } from 'next/headers'

export async function GET() {
  const store = await cookies()
  return Response.json({ a: store.get('a')?.value ?? null, fromProxy: store.get('from-proxy')?.value ?? null })
}
