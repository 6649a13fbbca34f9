export default function Page() {
  return <h1>templates</h1>
}
