export const contentType = 'image/svg+xml'

// Two icons with numeric ids; each writes the params of both dynamic segments and its id.
export function generateImageMetadata() {
  return [
    { id: 1, size: { width: 16, height: 16 } },
    { id: 2, size: { width: 32, height: 32 } },
  ]
}

export default async function Icon({ params, id }) {
  const { tag, item } = await params
  const iconId = await id
  const text = `tag=${tag} item=${item} id=${iconId} (${typeof iconId})`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text y="20">${text}</text></svg>`
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
