import { connection } from 'next/server'

/**
 * Fetches the source for `?key=` with cache: 'force-cache' and 131 tags: first `tag-<key>-long`
 * padded to 257 characters, then `tag-<key>-1` to `tag-<key>-130`. Answers the source's time and
 * its own.
 */
export async function GET(request) {
  await connection()
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const long = `tag-${key}-long`.padEnd(257, 'x')
  const numbered = Array.from({ length: 130 }, (_, i) => `tag-${key}-${i + 1}`)
  const source = new URL(`/fetch-cache/source?key=${encodeURIComponent(key)}`, request.url)
  const data = await (await fetch(source, { cache: 'force-cache', next: { tags: [long, ...numbered] } })).json()
  return Response.json({ fetched: data.now, now: Date.now() })
}
