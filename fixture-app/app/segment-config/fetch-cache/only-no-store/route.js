import { connection } from 'next/server'

export const fetchCache = 'only-no-store'

/**
 * Fetches the source for `?key=` with the cache option `?cache=` (none when absent); answers
 * the source's time and its own.
 */
export async function GET(request) {
  await connection()
  const search = request.nextUrl.searchParams
  const key = search.get('key') ?? ''
  const cache = search.get('cache')
  const source = new URL(`/fetch-cache/source?key=${encodeURIComponent(key)}`, request.url)
  const data = await (await fetch(source, cache ? { cache } : {})).json()
  return Response.json({ fetched: data.now, now: Date.now() })
}
