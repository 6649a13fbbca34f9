/** A second handler under the path next.config.js `headers` matches, setting one of those headers itself. */
export async function GET() {
  return Response.json({ second: true }, { headers: { 'Access-Control-Allow-Origin': 'https://example.com' } })
}
