export const runtime = 'edge'

// A page rendered in the Edge runtime.
export default function Page() {
  return <p>edge page</p>
}
