export async function HEAD(request) {
  return new Response(null, { status: 200, headers: { 'x-handler': 'HEAD' } })
}
