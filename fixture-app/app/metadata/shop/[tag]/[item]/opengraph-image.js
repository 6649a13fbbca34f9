export const contentType = 'image/svg+xml'

// Writes the params of both dynamic segments above it.
export default async function Image({ params }) {
  const { tag, item } = await params
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text y="20">tag=${tag} item=${item}</text></svg>`
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
