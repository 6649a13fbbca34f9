export const revalidate = 2

/** Only the time, so that a cached answer shows when it was made. */
export async function GET() {
  return Response.json({ now: Date.now() })
}
