export default function Home() {
  return <h1>Next.js conformance fixture, metadata at the root</h1>
}
