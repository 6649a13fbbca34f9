// Answers the value of each request header named by a `name` search parameter, or null when
// the request reaching the handler has no such header.
export function GET(request) {
  const names = request.nextUrl.searchParams.getAll('name')
  return Response.json(Object.fromEntries(names.map((name) => [name, request.headers.get(name)])))
}
