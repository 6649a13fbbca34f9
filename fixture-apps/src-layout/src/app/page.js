export default function Home() {
  return <h1>Next.js conformance fixture, src layout</h1>
}
