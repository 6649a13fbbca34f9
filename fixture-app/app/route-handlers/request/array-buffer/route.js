export async function POST(request) {
  const buffer = await request.arrayBuffer()
  return new Response(buffer, {
    headers: { 'content-type': 'application/octet-stream', 'x-byte-length': String(buffer.byteLength) },
  })
}
