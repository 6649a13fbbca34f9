export const contentType = 'image/svg+xml'

// generateImageMetadata gets the params of both dynamic segments above it: each image's id and
// alt are made of them.
export async function generateImageMetadata({ params }) {
  const { tag, item } = await params
  return [
    { id: `${tag}-${item}-small`, size: { width: 16, height: 16 }, alt: `Small ${item} of ${tag}` },
    { id: `${tag}-${item}-large`, size: { width: 32, height: 32 }, alt: `Large ${item} of ${tag}` },
  ]
}

// Writes the params and the id it gets.
export default async function Image({ params, id }) {
  const { tag, item } = await params
  const imageId = await id
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text y="20">tag=${tag} item=${item} id=${imageId}</text></svg>`
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
