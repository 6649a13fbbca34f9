import { ImageResponse } from 'next/og'

export const alt = 'Grouped Acme'
export const size = { width: 800, height: 400 }
export const contentType = 'image/png'

export default function Image() {
  return new ImageResponse(<div style={{ width: '100%', height: '100%', display: 'flex', background: '#a07' }} />, {
    ...size,
  })
}
