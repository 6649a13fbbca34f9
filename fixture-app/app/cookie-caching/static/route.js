export const dynamic = 'force-static'

// A prerendered handler whose answer sets a cookie.
export function GET() {
  return new Response('static', { headers: { 'set-cookie': 'kind=static; Path=/' } })
}
