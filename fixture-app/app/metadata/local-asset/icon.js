import { join } from 'node:path'
import { readFile } from 'node:fs/promises'

export const contentType = 'image/png'

// A local file of the project, read with Node.js and sent as it is.
export default async function Icon() {
  const logo = await readFile(join(process.cwd(), 'assets/logo.png'))
  return new Response(logo, { headers: { 'Content-Type': 'image/png' } })
}
