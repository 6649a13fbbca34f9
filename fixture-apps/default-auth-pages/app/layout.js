export const metadata = { title: 'Next.js conformance fixture, default auth pages' }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
