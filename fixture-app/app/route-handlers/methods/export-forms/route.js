// Each method is exported in a different syntactic form.
export const GET = async (request) =>
  Response.json({ handler: 'GET', method: request.method }, { headers: { 'x-handler': 'GET' } })

async function handlePost(request) {
  return Response.json({ handler: 'POST', method: request.method }, { headers: { 'x-handler': 'POST' } })
}

const handleDelete = async function (request) {
  return Response.json({ handler: 'DELETE', method: request.method }, { headers: { 'x-handler': 'DELETE' } })
}

export { handlePost as POST, handleDelete as DELETE }
