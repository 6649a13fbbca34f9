import { cookies, headers } from 'next/headers'

/** Answers what it can see of the request: a cookie, a header (both ways) and a search param. */
export async function GET(request) {
  const cookieStore = await cookies()
  const headerList = await headers()
  return Response.json({
    now: Date.now(),
    cookie: cookieStore.get('probe')?.value ?? null,
    header: headerList.get('x-probe'),
    requestHeader: request.headers.get('x-probe'),
    query: request.nextUrl.searchParams.get('probe'),
  })
}
