export async function GET(request) {
  const { nextUrl } = request
  return Response.json({
    url: request.url,
    href: nextUrl.href,
    origin: nextUrl.origin,
    protocol: nextUrl.protocol,
    host: nextUrl.host,
    hostname: nextUrl.hostname,
    port: nextUrl.port,
    pathname: nextUrl.pathname,
    search: nextUrl.search,
  })
}
