import { revalidateTag } from 'next/cache'

/** Revalidates the tag `tag-<key>` that fetch-cache/tagged puts on its fetch. */
export async function POST(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  revalidateTag(`tag-${key}`)
  return Response.json({ revalidated: `tag-${key}` })
}
