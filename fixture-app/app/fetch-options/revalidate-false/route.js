import { connection } from 'next/server'

/** Fetches the source for `?key=` with `next: { revalidate: false }`; answers the source's time and its own. */
export async function GET(request) {
  await connection()
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const source = new URL(`/fetch-cache/source?key=${encodeURIComponent(key)}`, request.url)
  const data = await (await fetch(source, { next: { revalidate: false } })).json()
  return Response.json({ fetched: data.now, now: Date.now() })
}
