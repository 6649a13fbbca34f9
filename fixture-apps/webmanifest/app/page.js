export default function Home() {
  return <h1>Next.js conformance fixture, static webmanifest</h1>
}
