export async function POST(request) {
  return Response.json({ handler: 'POST', method: request.method }, { headers: { 'x-handler': 'POST' } })
}
