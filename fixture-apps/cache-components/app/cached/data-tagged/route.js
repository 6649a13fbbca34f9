import { dataTaggedStamp } from '../../../lib/stamps'

/** Answers the cached time for `?key=` (from dataTaggedStamp, which fetches this app's source) next to the time of this request. */
export async function GET(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const { cached } = await dataTaggedStamp(request.nextUrl.origin, key)
  return Response.json({ key, cached, now: Date.now() })
}
