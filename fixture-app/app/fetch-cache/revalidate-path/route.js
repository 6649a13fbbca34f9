import { revalidatePath } from 'next/cache'

/** Revalidates the path given as `?path=`. */
export async function POST(request) {
  const path = request.nextUrl.searchParams.get('path') ?? '/'
  revalidatePath(path)
  return Response.json({ revalidated: path })
}
