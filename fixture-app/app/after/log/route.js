import { recorded } from '../log'

/** What after() callbacks recorded for `?key=`: every entry (sorted) and the last one. */
export async function GET(request) {
  const key = request.nextUrl.searchParams.get('key') ?? ''
  const entries = recorded(key)
  return Response.json({ key, recorded: [...entries].sort(), last: entries.at(-1) ?? null })
}
