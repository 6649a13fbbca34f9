export default function Page() {
  return <h1>metadata: local-asset</h1>
}
