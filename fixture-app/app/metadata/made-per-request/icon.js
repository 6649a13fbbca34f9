import { headers } from 'next/headers'

export const contentType = 'image/svg+xml'

// A Dynamic API (headers()): made for each request; the text is the time it was made.
export default async function Icon() {
  await headers()
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text y="20">${Date.now()}</text></svg>`
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
