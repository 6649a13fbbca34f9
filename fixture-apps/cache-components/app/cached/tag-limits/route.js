import { tagLimitsStamp } from '../../../lib/stamps'

/** Answers the cached time for `?key=` (from tagLimitsStamp) next to the time of this request. */
export async function GET(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const { cached } = await tagLimitsStamp(key)
  return Response.json({ key, cached, now: Date.now() })
}
