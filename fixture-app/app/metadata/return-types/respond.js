// The same SVG returned as each type an image function may return.
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" fill="#c0ffee"/></svg>'

export const kinds = ['blob', 'array-buffer', 'typed-array', 'data-view', 'stream', 'response']

export function respondAs(kind) {
  const bytes = new TextEncoder().encode(svg)
  switch (kind) {
    case 'blob':
      return new Blob([svg], { type: 'image/svg+xml' })
    case 'array-buffer':
      return bytes.buffer
    case 'typed-array':
      return bytes
    case 'data-view':
      return new DataView(bytes.buffer)
    case 'stream':
      return new ReadableStream({
        start(controller) {
          controller.enqueue(bytes)
          controller.close()
        },
      })
    default:
      return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
  }
}
