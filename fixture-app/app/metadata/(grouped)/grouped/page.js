export default function Page() {
  return <h1>metadata: grouped</h1>
}
