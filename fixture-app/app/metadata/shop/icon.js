export const contentType = 'image/svg+xml'

// No dynamic segment above: the text says what params resolves to.
export default async function Icon({ params }) {
  const resolved = await params
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text y="20">params: ${JSON.stringify(resolved)}</text></svg>`
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
