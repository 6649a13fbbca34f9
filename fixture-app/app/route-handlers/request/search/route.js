export function GET(request) {
  const searchParams = request.nextUrl.searchParams
  return Response.json({
    query: searchParams.get('query'),
    entries: [...searchParams.entries()],
  })
}
