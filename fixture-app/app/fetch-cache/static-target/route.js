export const dynamic = 'force-static'

/** A static answer with the time it was made, for revalidatePath. */
export async function GET() {
  return Response.json({ now: Date.now() })
}
