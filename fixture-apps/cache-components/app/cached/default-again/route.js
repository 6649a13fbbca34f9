import { defaultStamp } from '../../../lib/stamps'

/** The same as cached/default, from another route: the cached time for `?key=` and this request's. */
export async function GET(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const { cached } = await defaultStamp(key)
  return Response.json({ key, cached, now: Date.now() })
}
