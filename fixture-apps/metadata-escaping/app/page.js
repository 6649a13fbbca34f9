export default function Home() {
  return <h1>Next.js conformance fixture, metadata escaping</h1>
}
