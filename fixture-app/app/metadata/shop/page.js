export default function Page() {
  return <h1>metadata: shop</h1>
}
