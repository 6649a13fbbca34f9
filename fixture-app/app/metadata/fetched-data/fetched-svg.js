import { fetchedAt } from '../../fetch-options/source'

/** An SVG writing what the app's data source answered for `key` fetched with `init`, and the time. */
export async function fetchedSvg(key, init) {
  const fetched = await fetchedAt(key, init)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text y="20">fetched=${fetched} now=${Date.now()}</text></svg>`
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
