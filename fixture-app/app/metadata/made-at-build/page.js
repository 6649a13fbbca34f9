export default function Page() {
  return <h1>metadata: made-at-build</h1>
}
