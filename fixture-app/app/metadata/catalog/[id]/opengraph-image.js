import { ImageResponse } from 'next/og'

// The docs' products/[id] example, with the product data here instead of an external API.
const captions = { 1: ['Product 1, front', 'Product 1, back'], 2: ['Product 2'] }
const getOGImages = async (id) => (captions[id] ?? []).map((text) => ({ text }))
const getCaptionForImage = async (id, index) => captions[id]?.[index] ?? 'unknown'

export async function generateImageMetadata({ params }) {
  const { id } = await params
  const images = await getOGImages(id)

  return images.map((image, idx) => ({
    id: idx,
    size: { width: 1200, height: 600 },
    alt: image.text,
    contentType: 'image/png',
  }))
}

export default async function Image({ params, id }) {
  const productId = (await params).id
  const imageId = await id
  const text = await getCaptionForImage(productId, imageId)

  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', fontSize: 48, background: '#fff' }}>{text}</div>,
  )
}
