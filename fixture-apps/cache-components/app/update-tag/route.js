import { updateTag } from 'next/cache'

/** Calls updateTag for `tag-<key>`, which the docs allow only in Server Actions. */
export async function POST(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  updateTag(`tag-${key}`)
  return Response.json({ updated: `tag-${key}` })
}
