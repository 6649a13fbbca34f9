import { ImageResponse } from 'next/og'

export const size = { width: 400, height: 210 }
export const contentType = 'image/png'

// An image per slug, drawing the slug and the time it was made.
export default async function Image({ params }) {
  const { slug } = await params
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', fontSize: 32, background: '#fff' }}>{`${slug} ${Date.now()}`}</div>,
    { ...size },
  )
}
