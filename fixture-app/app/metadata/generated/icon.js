import { ImageResponse } from 'next/og'

export function generateImageMetadata() {
  return [
    { contentType: 'image/png', size: { width: 48, height: 48 }, id: 'small' },
    { contentType: 'image/png', size: { width: 72, height: 72 }, id: 'medium' },
  ]
}

export default async function Icon({ id }) {
  const iconId = await id
  const side = iconId === 'small' ? 48 : 72
  return new ImageResponse(<div style={{ width: '100%', height: '100%', display: 'flex', background: '#000' }} />, {
    width: side,
    height: side,
  })
}
