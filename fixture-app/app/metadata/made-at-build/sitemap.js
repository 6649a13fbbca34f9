// No Dynamic API and no segment config: made once, when next build runs; lastModified is the
// time it was made.
export default function sitemap() {
  return [{ url: 'https://acme.com/made-at-build', lastModified: new Date() }]
}
