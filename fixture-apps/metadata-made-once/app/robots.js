// No Dynamic API and no segment config: made once, when next build runs; the disallowed path
// is the time it was made.
export default function robots() {
  return {
    rules: { userAgent: '*', disallow: `/made-at/${Date.now()}` },
  }
}
