/** A handler that sets no CORS header itself; next.config.js `headers` adds them. */
export async function GET() {
  return new Response('Hello, Next.js!')
}
