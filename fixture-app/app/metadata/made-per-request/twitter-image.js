import { ImageResponse } from 'next/og'

// Dynamic config: made for each request; it draws the time it was made.
export const dynamic = 'force-dynamic'
export const size = { width: 400, height: 210 }
export const contentType = 'image/png'

export default function Image() {
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', fontSize: 32, background: '#fff' }}>{String(Date.now())}</div>,
    { ...size },
  )
}
