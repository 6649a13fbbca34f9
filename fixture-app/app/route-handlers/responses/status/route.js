export async function GET() {
  return new Response('created', { status: 201, headers: { 'x-custom': 'yes' } })
}
