export default function Page() {
  return <h1>metadata: nested-favicon</h1>
}
