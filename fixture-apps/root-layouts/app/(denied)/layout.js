import { connection } from 'next/server'
import { forbidden } from 'next/navigation'

// A root layout that calls forbidden(), which the docs say a root layout cannot do.
export default async function DeniedLayout({ children }) {
  await connection()
  forbidden()
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
