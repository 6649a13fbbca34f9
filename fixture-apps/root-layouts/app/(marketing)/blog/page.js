export default function Home() {
  return <h1>Blog</h1>
}
