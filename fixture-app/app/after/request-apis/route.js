import { cookies, headers } from 'next/headers'
import { after } from 'next/server'
import { forget, record } from '../log'

/** An after() callback that reads the `probe` cookie and the `x-probe` header and records both under `?key=`. */
export async function GET(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  forget(key)
  after(async () => {
    const cookie = (await cookies()).get('probe')?.value ?? 'none'
    const header = (await headers()).get('x-probe') ?? 'none'
    record(key, `cookie:${cookie}`)
    record(key, `header:${header}`)
  })
  return Response.json({ key })
}
