export const metadata = { title: 'Next.js conformance fixture, an icon of unknown size' }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
