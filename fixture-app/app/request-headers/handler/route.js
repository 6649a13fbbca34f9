// Echoes what a route handler sees of its request: the URL, its pathname and search as
// NextRequest parses them, and every request header (names in lower case, as Headers lists them).
export async function GET(request) {
  return Response.json({
    url: request.url,
    pathname: request.nextUrl.pathname,
    search: request.nextUrl.search,
    headers: Object.fromEntries(request.headers),
  })
}
