export const maxDuration = 1

/** Exports maxDuration = 1 and takes 1.5 s to answer. */
export async function GET() {
  await new Promise((resolve) => setTimeout(resolve, 1500))
  return Response.json({ waitedMs: 1500 })
}
