import { fetchedSvg } from '../fetched-svg'

export const contentType = 'image/svg+xml'

// Made from data fetched with next: { revalidate: 2 }.
export default function Image() {
  return fetchedSvg('image-revalidate', { next: { revalidate: 2 } })
}
