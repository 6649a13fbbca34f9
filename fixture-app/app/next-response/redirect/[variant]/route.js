import { NextResponse } from 'next/server'

// Each variant calls NextResponse.redirect one documented way; GET /next-response/redirect/<variant>.
const variants = {
  default: (request) => NextResponse.redirect(new URL('/new', request.url)),
  301: (request) => NextResponse.redirect(new URL('/new', request.url), 301),
  302: (request) => NextResponse.redirect(new URL('/new', request.url), 302),
  303: (request) => NextResponse.redirect(new URL('/new', request.url), 303),
  307: (request) => NextResponse.redirect(new URL('/new', request.url), 307),
  308: (request) => NextResponse.redirect(new URL('/new', request.url), 308),
  'disallowed-status': (request) => NextResponse.redirect(new URL('/new', request.url), 200),
  'init-object': (request) =>
    NextResponse.redirect(new URL('/new', request.url), { status: 303, headers: { 'x-extra': 'yes' } }),
  'other-origin': () => NextResponse.redirect('https://example.com/elsewhere?x=1'),
  'relative-string': () => NextResponse.redirect('/new'),
  'login-from': (request) => {
    const loginUrl = new URL('/login', request.url)
    loginUrl.searchParams.set('from', request.nextUrl.pathname)
    return NextResponse.redirect(loginUrl)
  },
}

export async function GET(request, { params }) {
  const { variant } = await params
  return variants[variant](request)
}
