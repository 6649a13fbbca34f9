export const dynamic = 'error'

/** `dynamic = 'error'` with no request data and GET only. */
export async function GET() {
  return Response.json({ now: Date.now() })
}
