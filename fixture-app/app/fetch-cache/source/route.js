export const dynamic = 'force-dynamic'

/** The data source the other fetch-cache routes fetch: the time of each call, and the key asked for. */
export async function GET(request) {
  return Response.json({ key: request.nextUrl.searchParams.get('key'), now: Date.now() })
}
