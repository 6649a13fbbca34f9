import { secondsStamp } from '../../../lib/stamps'

/** Answers the cached time for `?key=` (from secondsStamp) next to the time of this request. */
export async function GET(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const { cached } = await secondsStamp(key)
  return Response.json({ key, cached, now: Date.now() })
}
