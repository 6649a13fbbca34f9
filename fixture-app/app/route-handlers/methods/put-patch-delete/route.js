function answer(request, handler) {
  return Response.json({ handler, method: request.method }, { headers: { 'x-handler': handler } })
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
