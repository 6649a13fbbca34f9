export default function Layout({ children }) {
  return <section data-layout="templates">{children}</section>
}
