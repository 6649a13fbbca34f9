import { NextResponse } from 'next/server'

// With the src layout, the proxy file sits in src/; it marks the answers it ran for.
export function proxy() {
  const response = NextResponse.next()
  response.headers.set('x-src-proxy', 'ran')
  return response
}

export const config = { matcher: '/items/:path*' }
