import { cookies } from 'next/headers'

export async function GET(request) {
  const store = await cookies()
  return Response.json({
    get: store.get('a') ?? null,
    missing: store.get('missing') ?? null,
    getAll: store.getAll(),
    getAllNamed: store.getAll('a'),
    has: store.has('a'),
    hasMissing: store.has('missing'),
    fromRequest: request.cookies.get('a')?.value ?? null,
  })
}
