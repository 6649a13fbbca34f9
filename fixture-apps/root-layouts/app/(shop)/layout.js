export const metadata = { title: 'Next.js conformance fixture, shop' }

// A root layout: the routes of (shop) get their <html> from it.
export default function ShopLayout({ children }) {
  return (
    <html lang="en" data-root="shop">
      <body>{children}</body>
    </html>
  )
}
