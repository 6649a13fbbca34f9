export const contentType = 'image/svg+xml'
// Segment config: made again in the background once 2 seconds have passed.
export const revalidate = 2

export default function Icon() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text y="20">${Date.now()}</text></svg>`
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
