export const metadata = { title: 'Next.js conformance fixture, metadata escaping' }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
