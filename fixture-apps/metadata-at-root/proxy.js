import { NextResponse } from 'next/server'

// Marks every answer it runs for.
export function proxy() {
  const response = NextResponse.next()
  response.headers.set('x-proxy-ran', '1')
  return response
}

// The matcher leaves out Next.js's own files and the robots, sitemap and favicon files.
export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico|sitemap.xml|robots.txt).*)'],
}
