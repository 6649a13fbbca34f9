export const metadata = { title: 'Next.js conformance fixture, marketing' }

// A root layout: the routes of (marketing) get their <html> from it.
export default function MarketingLayout({ children }) {
  return (
    <html lang="en" data-root="marketing">
      <body>{children}</body>
    </html>
  )
}
