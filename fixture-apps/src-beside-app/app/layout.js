export const metadata = { title: 'Next.js conformance fixture, app beside src/app' }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
