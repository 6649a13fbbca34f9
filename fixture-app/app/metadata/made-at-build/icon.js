export const contentType = 'image/svg+xml'

// No Dynamic API and no segment config: made once, when next build runs; the text is the time
// it was made.
export default function Icon() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text y="20">${Date.now()}</text></svg>`
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
