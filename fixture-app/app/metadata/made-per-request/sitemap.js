// Dynamic config: made for each request; lastModified is the time it was made.
export const dynamic = 'force-dynamic'

export default function sitemap() {
  return [{ url: 'https://acme.com/made-per-request', lastModified: new Date() }]
}
