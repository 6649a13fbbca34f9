export async function GET(request) {
  return Response.json({ handler: 'GET', method: request.method }, { headers: { 'x-handler': 'GET' } })
}
