// Dynamic config: made for each request; the text is the time it was made.
export const dynamic = 'force-dynamic'
export const contentType = 'image/svg+xml'

export default function AppleIcon() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text y="20">${Date.now()}</text></svg>`
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
