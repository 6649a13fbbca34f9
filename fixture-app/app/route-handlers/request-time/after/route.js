import { after } from 'next/server'

// Tokens whose `after` callback has run, per server process.
const done = new Set()

// Schedules a callback that records the token once the response is sent.
export async function POST(request) {
  const token = request.nextUrl.searchParams.get('token')
  done.delete(token)
  after(() => {
    done.add(token)
  })
  return Response.json({ doneWhenResponding: done.has(token) })
}

// Whether the callback for the token has run.
export async function GET(request) {
  return Response.json({ done: done.has(request.nextUrl.searchParams.get('token')) })
}
