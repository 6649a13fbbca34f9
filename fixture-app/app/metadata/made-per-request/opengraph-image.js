import { ImageResponse } from 'next/og'
import { headers } from 'next/headers'

export const size = { width: 400, height: 210 }
export const contentType = 'image/png'

// A Dynamic API (headers()): made for each request; it draws the time it was made.
export default async function Image() {
  await headers()
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', fontSize: 32, background: '#fff' }}>{String(Date.now())}</div>,
    { ...size },
  )
}
