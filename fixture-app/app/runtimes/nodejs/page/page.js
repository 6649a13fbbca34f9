export const runtime = 'nodejs'

// A page rendered in the Node.js runtime.
export default function Page() {
  return <p>nodejs page</p>
}
