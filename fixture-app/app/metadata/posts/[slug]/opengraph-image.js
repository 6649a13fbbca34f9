import { ImageResponse } from 'next/og'

export const alt = 'Post'
export const size = { width: 600, height: 315 }
export const contentType = 'image/png'

// An image per post: the folder above is a dynamic segment.
export default async function Image({ params }) {
  const { slug } = await params
  return new ImageResponse(<div style={{ width: '100%', height: '100%', display: 'flex', background: '#36c' }}>{slug}</div>, {
    ...size,
  })
}
