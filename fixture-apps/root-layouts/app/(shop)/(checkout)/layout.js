// Wraps the routes of (checkout) only, inside the (shop) root layout.
export default function CheckoutLayout({ children }) {
  return <section data-layout="checkout">{children}</section>
}
