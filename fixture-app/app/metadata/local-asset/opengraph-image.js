import { ImageResponse } from 'next/og'
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'

// The docs' example: a local image read from the project root, passed to <img> as base64.
export default async function Image() {
  const logoData = await readFile(join(process.cwd(), 'assets/logo.png'), 'base64')
  const logoSrc = `data:image/png;base64,${logoData}`

  return new ImageResponse(
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <img src={logoSrc} height="100" />
    </div>,
  )
}
