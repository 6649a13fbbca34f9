export default function Home() {
  return <h1>Next.js conformance fixture, forbidden() in the root layout</h1>
}
