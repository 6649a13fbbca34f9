import { ImageResponse } from 'next/og'

// Segment config: made again in the background once 2 seconds have passed.
export const revalidate = 2
export const size = { width: 400, height: 210 }
export const contentType = 'image/png'

export default function Image() {
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', fontSize: 32, background: '#fff' }}>{String(Date.now())}</div>,
    { ...size },
  )
}
