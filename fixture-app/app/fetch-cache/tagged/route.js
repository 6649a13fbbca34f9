import { connection } from 'next/server'

/** Fetches the source with `cache: 'force-cache'` and the tag `tag-<key>`; answers the source's time and its own. */
export async function GET(request) {
  await connection()
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const source = new URL(`/fetch-cache/source?key=${encodeURIComponent(key)}`, request.url)
  const data = await (await fetch(source, { cache: 'force-cache', next: { tags: [`tag-${key}`] } })).json()
  return Response.json({ fetched: data.now, now: Date.now() })
}
