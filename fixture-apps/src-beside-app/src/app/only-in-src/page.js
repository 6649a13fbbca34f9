export default function Home() {
  return <h1>Only in src/app/</h1>
}
