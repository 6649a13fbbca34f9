import { after } from 'next/server'
import { forget, record } from '../log'

/** An after() callback that records `outer` and schedules another recording `inner`, under `?key=`. */
export async function GET(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  forget(key)
  after(() => {
    record(key, 'outer')
    after(() => record(key, 'inner'))
  })
  return Response.json({ key })
}
