import { fetchedSvg } from '../fetched-svg'

export const contentType = 'image/svg+xml'

// Made from data fetched with cache: 'no-store'.
export default function Image() {
  return fetchedSvg('image-no-store', { cache: 'no-store' })
}
