import { cookies } from 'next/headers'

/** Reads the `a` cookie from cookies() without awaiting it. */
export async function GET() {
  return Response.json({ a: cookies().get('a')?.value ?? null })
}
