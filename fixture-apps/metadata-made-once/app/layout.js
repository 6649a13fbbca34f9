export const metadata = { title: 'Next.js conformance fixture, metadata made once' }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
