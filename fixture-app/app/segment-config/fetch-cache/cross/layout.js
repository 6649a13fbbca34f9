export const fetchCache = 'force-no-store'

/** A layout exporting fetchCache = 'force-no-store' around a page exporting 'only-cache'. */
export default function Layout({ children }) {
  return <section>{children}</section>
}
