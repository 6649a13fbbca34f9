export default function Home() {
  return <h1>Cart</h1>
}
