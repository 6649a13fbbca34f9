import { headers } from 'next/headers'
import { forbidden } from 'next/navigation'

/**
 * The root layout calls forbidden() when the request has an `x-forbid` header (so that the app
 * answers its home page otherwise), before rendering anything.
 */
export default async function RootLayout({ children }) {
  if ((await headers()).has('x-forbid')) forbidden()
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
