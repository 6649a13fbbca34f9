import { NextResponse } from 'next/server'

/**
 * A response carrying two Set-Cookie lines for `experiments` (as in the doc's getAll example):
 * what response.cookies.get and getAll say of them goes in the body.
 */
export async function GET() {
  const headers = new Headers()
  headers.append('set-cookie', 'experiments=new-pricing-page; Path=/home')
  headers.append('set-cookie', 'experiments=winter-launch; Path=/home')
  const probe = new NextResponse(null, { headers })
  const response = NextResponse.json({
    get: probe.cookies.get('experiments') ?? null,
    getAll: probe.cookies.getAll('experiments'),
  })
  return response
}
