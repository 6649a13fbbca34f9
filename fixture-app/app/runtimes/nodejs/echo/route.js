export const runtime = 'nodejs'

// Echoes the request's URL, pathname, search and headers, in the Node.js runtime.
export async function GET(request) {
  return Response.json({
    url: request.url,
    pathname: request.nextUrl.pathname,
    search: request.nextUrl.search,
    headers: Object.fromEntries(request.headers),
  })
}
