export default function Page() {
  return <h1>metadata: icon-types</h1>
}
