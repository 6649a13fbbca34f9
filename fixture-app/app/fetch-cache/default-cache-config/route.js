import { connection } from 'next/server'

export const fetchCache = 'default-cache'

/** `fetchCache = 'default-cache'` over a fetch with no cache option; answers the source's time and its own. */
export async function GET(request) {
  await connection()
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const source = new URL(`/fetch-cache/source?key=${encodeURIComponent(key)}`, request.url)
  const data = await (await fetch(source)).json()
  return Response.json({ fetched: data.now, now: Date.now() })
}
