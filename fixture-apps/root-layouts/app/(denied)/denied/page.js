export default function Page() {
  return <h1>Denied</h1>
}
