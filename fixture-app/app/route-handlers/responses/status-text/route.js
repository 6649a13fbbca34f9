export async function GET() {
  return new Response(null, { status: 299, statusText: 'Custom' })
}
