import { ImageResponse } from 'next/og'

export const size = { width: 400, height: 210 }
export const contentType = 'image/png'

// No Dynamic API and no segment config: made once, when next build runs; it draws the time it
// was made.
export default function Image() {
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', fontSize: 32, background: '#fff' }}>{String(Date.now())}</div>,
    { ...size },
  )
}
