export default function Page() {
  return <h1>metadata: icons</h1>
}
