export default function Home() {
  return <h1>From app/</h1>
}
