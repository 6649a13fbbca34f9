export default function Home() {
  return <h1>Pay</h1>
}
