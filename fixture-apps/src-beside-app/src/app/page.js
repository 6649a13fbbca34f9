export default function Home() {
  return <h1>From src/app/</h1>
}
