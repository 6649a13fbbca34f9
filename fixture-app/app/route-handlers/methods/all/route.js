function answer(request, handler) {
  return Response.json({ handler, method: request.method }, { headers: { 'x-handler': handler } })
}

export async function GET(request) {
  return answer(request, 'GET')
}

export async function HEAD(request) {
  return new Response(null, { status: 200, headers: { 'x-handler': 'HEAD' } })
}

export async function POST(request) {
  return answer(request, 'POST')
}

export async function PUT(request) {
  return answer(request, 'PUT')
}

export async function PATCH(request) {
  return answer(request, 'PATCH')
}

export async function DELETE(request) {
  return answer(request, 'DELETE')
}

export async function OPTIONS(request) {
  return new Response(null, {
    status: 200,
    headers: { 'x-handler': 'OPTIONS', allow: 'GET, POST' },
  })
}
