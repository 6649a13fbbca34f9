import { kinds, respondAs } from './respond'

export const contentType = 'image/svg+xml'
// Rendered per request: the build would stop at the first return that is not a Response.
export const dynamic = 'force-dynamic'

// One icon per type the docs allow the default export to return.
export function generateImageMetadata() {
  return kinds.map((id) => ({ id, size: { width: 16, height: 16 } }))
}

export default async function Icon({ id }) {
  return respondAs(await id)
}
