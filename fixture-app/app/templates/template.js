export default function Template({ children }) {
  return <div data-template="templates">{children}</div>
}
