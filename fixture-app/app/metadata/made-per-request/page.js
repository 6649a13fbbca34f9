export default function Page() {
  return <h1>metadata: made-per-request</h1>
}
