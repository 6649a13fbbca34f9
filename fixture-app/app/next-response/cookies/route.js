import { NextResponse } from 'next/server'

// Exercises response.cookies: what each method returns goes in the body, what it leaves on the
// response goes out as Set-Cookie.
export async function GET() {
  const probe = new NextResponse()
  probe.cookies.set('show-banner', 'false')
  probe.cookies.set('experiments', 'new-pricing-page')
  probe.cookies.set({ name: 'session', value: 'abc', httpOnly: true, path: '/app' })
  probe.cookies.set('temporary', 'x')
  const report = {
    get: probe.cookies.get('show-banner') ?? null,
    getMissing: probe.cookies.get('missing') ?? null,
    getAll: probe.cookies.getAll(),
    getAllNamed: probe.cookies.getAll('experiments'),
    has: probe.cookies.has('session'),
    deleted: probe.cookies.delete('temporary'),
    hasAfterDelete: probe.cookies.has('temporary'),
  }
  const response = NextResponse.json(report)
  for (const cookie of probe.cookies.getAll()) response.cookies.set(cookie)
  return response
}
