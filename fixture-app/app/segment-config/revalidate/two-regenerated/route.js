export const revalidate = 2

/**
 * Only the time, as ../two does; its own route, so that the case that regenerates it does not
 * change what the case asking for ../two's first answer sees.
 */
export async function GET() {
  return Response.json({ now: Date.now() })
}
