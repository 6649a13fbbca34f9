import { revalidateTag } from 'next/cache'

/**
 * Revalidates the tag `tag-<key>` of lib/stamps.js taggedStamp: with the profile `max` (the
 * default), or `{ expire: 0 }` when `?expire=0`.
 */
export async function POST(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const profile = request.nextUrl.searchParams.get('expire') === '0' ? { expire: 0 } : 'max'
  revalidateTag(`tag-${key}`, profile)
  return Response.json({ revalidated: `tag-${key}`, profile })
}
