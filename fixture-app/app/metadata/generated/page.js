export default function Page() {
  return <h1>metadata: generated</h1>
}
