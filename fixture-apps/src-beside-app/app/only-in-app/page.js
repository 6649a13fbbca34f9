export default function Home() {
  return <h1>Only in app/</h1>
}
