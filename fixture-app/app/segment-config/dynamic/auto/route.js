/** No segment config and no request data: only the time. */
export async function GET() {
  return Response.json({ now: Date.now() })
}

export async function POST() {
  return Response.json({ now: Date.now(), method: 'POST' })
}
