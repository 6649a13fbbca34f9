export const runtime = 'edge'
export const revalidate = 60

/** An edge-runtime GET handler exporting revalidate = 60: the time. */
export async function GET() {
  return Response.json({ now: Date.now() })
}
