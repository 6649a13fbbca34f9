export const dynamic = 'error'

/** `dynamic = 'error'` with no request data, so that the build succeeds. */
export async function GET() {
  return Response.json({ now: Date.now() })
}

export async function POST() {
  return Response.json({ now: Date.now(), method: 'POST' })
}
