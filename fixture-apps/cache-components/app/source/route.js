/** A data source: the key asked for and the time of the call. */
export async function GET(request) {
  return Response.json({ key: request.nextUrl.searchParams.get('key'), now: Date.now() })
}
