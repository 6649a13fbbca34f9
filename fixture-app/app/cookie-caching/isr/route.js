export const revalidate = 3600

// A handler regenerated in the background (ISR) whose answer sets a cookie.
export function GET() {
  return new Response('isr', { headers: { 'set-cookie': 'kind=isr; Path=/' } })
}
