export async function POST(request) {
  const text = await request.text()
  return new Response(`received: ${text}`)
}
