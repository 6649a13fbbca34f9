import { headers } from 'next/headers'

// A Dynamic API (headers()): made for each request; the disallowed path is the time it was made.
export default async function robots() {
  await headers()
  return {
    rules: { userAgent: '*', disallow: `/made-at/${Date.now()}` },
  }
}
