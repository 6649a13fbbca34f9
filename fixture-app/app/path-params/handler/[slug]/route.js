// Echoes the decoded route parameter next to the search parameters and the pathname.
export async function GET(request, { params }) {
  return Response.json({
    params: await params,
    searchParams: Object.fromEntries(request.nextUrl.searchParams),
    pathname: request.nextUrl.pathname,
  })
}
