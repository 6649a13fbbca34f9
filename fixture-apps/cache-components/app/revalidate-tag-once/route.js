import { revalidateTag } from 'next/cache'

/** Calls revalidateTag with the one argument `?tag=`, as the cacheTag doc does. */
export async function POST(request) {
  const tag = request.nextUrl.searchParams.get('tag') ?? ''
  revalidateTag(tag)
  return Response.json({ revalidated: tag })
}
