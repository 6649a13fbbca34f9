export const revalidate = 1

/** A layout exporting revalidate = 1 around a page exporting revalidate = 60. */
export default function Layout({ children }) {
  return <section>{children}</section>
}
