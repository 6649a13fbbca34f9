export default function Page() {
  return <h1>metadata: social-jpeg</h1>
}
