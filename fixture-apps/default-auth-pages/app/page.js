export default function Home() {
  return <h1>Next.js conformance fixture, default auth pages</h1>
}
