export default function Page() {
  return <h1>metadata: return-types</h1>
}
