export default function Page() {
  return <h1>metadata: revalidated</h1>
}
