export default function Page() {
  return <h1>metadata: numbered-icons</h1>
}
