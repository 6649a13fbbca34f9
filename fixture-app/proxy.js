import { NextResponse } from 'next/server'

// The proxy (middleware before Next.js 16) runs for /proxy/* only; each path shows one thing it
// can do.
export function proxy(request) {
  const { pathname } = request.nextUrl
  if (pathname === '/proxy/rewrite') {
    return NextResponse.rewrite(new URL('/route-handlers/responses/json', request.url))
  }
  if (pathname === '/proxy/rewrite-to-missing') {
    return NextResponse.rewrite(new URL('/route-handlers/nope', request.url))
  }
  if (pathname === '/proxy/redirect') {
    return NextResponse.redirect(new URL('/route-handlers/methods/get', request.url))
  }
  if (pathname === '/proxy/headers') {
    const requestHeaders = new Headers(request.headers)
    requestHeaders.set('x-custom', 'from-proxy')
    const response = NextResponse.next({ request: { headers: requestHeaders } })
    response.headers.set('x-proxy', 'yes')
    return response
  }
  if (pathname === '/proxy/cookies') {
    const response = NextResponse.next()
    response.cookies.set('from-proxy', '1')
    response.cookies.set('seen', request.cookies.get('a')?.value ?? 'none', { httpOnly: true })
    return response
  }
  if (pathname === '/proxy/respond') {
    return NextResponse.json({ fromProxy: true }, { status: 418, headers: { 'x-proxy': 'yes' } })
  }
  if (pathname === '/proxy/request-headers') {
    return NextResponse.json({
      url: request.url,
      pathname,
      search: request.nextUrl.search,
      headers: Object.fromEntries(request.headers),
    })
  }
  if (pathname === '/proxy/rewrite-echo') {
    return NextResponse.rewrite(new URL('/request-headers/handler', request.url))
  }
  if (pathname === '/proxy/rewrite-query') {
    return NextResponse.rewrite(new URL('/request-headers/handler?added=1', request.url))
  }
  if (pathname === '/proxy/redirect-query') {
    return NextResponse.redirect(new URL('/request-headers/handler?added=1', request.url))
  }
  if (pathname === '/proxy/redirect-keep-query') {
    const url = request.nextUrl.clone()
    url.pathname = '/request-headers/handler'
    return NextResponse.redirect(url)
  }
  if (pathname === '/proxy/respond-cookies') {
    const response = NextResponse.json({ fromProxy: true })
    response.cookies.set('first', '1')
    response.cookies.set('second', '2', { httpOnly: true })
    response.cookies.set('third', '3', { path: '/proxy', maxAge: 60 })
    return response
  }
  if (pathname.startsWith('/proxy/cookie-on/')) {
    const response = NextResponse.next()
    response.cookies.set('first', '1')
    response.cookies.set('second', '2', { httpOnly: true })
    return response
  }
  const response = NextResponse.next()
  response.headers.set('x-proxy-ran', '1')
  return response
}

export const config = {
  matcher: ['/proxy/:path*'],
}
