import { ImageResponse } from 'next/og'

export const alt = 'Generated Acme'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

export default function Image() {
  return new ImageResponse(<div style={{ width: '100%', height: '100%', display: 'flex', background: '#0a7' }} />, {
    ...size,
  })
}
