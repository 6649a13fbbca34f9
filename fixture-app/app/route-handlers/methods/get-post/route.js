export async function GET(request) {
  return Response.json({ handler: 'GET', method: request.method }, { headers: { 'x-handler': 'GET' } })
}

export async function POST(request) {
  return Response.json({ handler: 'POST', method: request.method }, { headers: { 'x-handler': 'POST' } })
}
