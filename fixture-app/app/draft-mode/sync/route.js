import { draftMode } from 'next/headers'

/** Reads isEnabled from draftMode() without awaiting it. */
export async function GET() {
  return Response.json({ isEnabled: draftMode().isEnabled ?? null })
}
