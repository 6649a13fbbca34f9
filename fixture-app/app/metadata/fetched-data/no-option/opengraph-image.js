import { fetchedSvg } from '../fetched-svg'

export const contentType = 'image/svg+xml'

// Made from fetched data, without a fetch option or segment config.
export default function Image() {
  return fetchedSvg('image-no-option')
}
