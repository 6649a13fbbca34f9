export default function Home() {
  return <h1>Next.js conformance fixture, an icon of unknown size</h1>
}
