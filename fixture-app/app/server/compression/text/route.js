/**
 * A body of exactly `?bytes=N` bytes (default 2048) of the letter `a`, with the content type
 * `?type=...` (default `text/plain`) and, when given, the `Cache-Control` `?cache=...`, so that
 * which answers get compressed can be measured.
 */
export async function GET(request) {
  const { searchParams } = request.nextUrl
  const bytes = Number(searchParams.get('bytes') ?? 2048)
  const headers = { 'content-type': searchParams.get('type') ?? 'text/plain' }
  if (searchParams.has('cache')) {
    headers['cache-control'] = searchParams.get('cache')
  }
  return new Response('a'.repeat(bytes), { headers })
}
