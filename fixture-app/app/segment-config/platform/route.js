export const runtime = 'nodejs'
export const preferredRegion = ['iad1', 'sfo1']
export const maxDuration = 5

/** Platform hints only; the time shows whether the answer is cached. */
export async function GET() {
  return Response.json({ now: Date.now() })
}
