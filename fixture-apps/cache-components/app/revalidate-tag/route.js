import { revalidateTag } from 'next/cache'

/**
 * Revalidates the tag `?tag=`, or `tag-<key>` (the tag of lib/stamps.js taggedStamp): with the
 * profile `max`, or `{ expire: 0 }` when `?expire=0`.
 */
export async function POST(request) {
  const search = request.nextUrl.searchParams
  const tag = search.get('tag') ?? `tag-${search.get('key') ?? ''}`
  const profile = search.get('expire') === '0' ? { expire: 0 } : 'max'
  revalidateTag(tag, profile)
  return Response.json({ revalidated: tag, profile })
}
