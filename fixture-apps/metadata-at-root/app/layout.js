export const metadata = { title: 'Next.js conformance fixture, metadata at the root' }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
